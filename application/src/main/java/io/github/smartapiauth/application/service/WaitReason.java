package io.github.smartapiauth.application.service;

import java.time.Duration;

/**
 * What the core waits for, told to the {@link Sleeper} so a command line can say it ("waiting 12 s
 * for the next TOTP step", "rate limited; retry 2/3 in 5 s") instead of sitting silent.
 */
public sealed interface WaitReason {

    /** One line saying what is awaited and for how long, e.g. {@code waiting 12 s for the next TOTP step}. */
    String describe(Duration wait);

    /**
     * The current TOTP step's code is spent (sent already) or about to end: the next step's code is awaited.
     *
     * @param spentElsewhere the step was spent by another process sharing the session, not by this one
     */
    record NextTotpStep(boolean spentElsewhere) implements WaitReason {
        @Override
        public String describe(Duration wait) {
            return "waiting " + seconds(wait) + " for the next TOTP step" + (spentElsewhere
                    ? " (this step's code was already used by another login)" : "");
        }
    }

    /**
     * A transient failure: call {@code attempt} of {@code attempts} follows the wait.
     *
     * @param rateLimited the broker refused the call for its rate limit
     */
    record Retry(int attempt, int attempts, boolean rateLimited) implements WaitReason {
        @Override
        public String describe(Duration wait) {
            return (rateLimited ? "rate limited" : "SmartAPI unavailable") + "; retry " + attempt + "/" + attempts
                    + " in " + seconds(wait);
        }
    }

    private static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return (millis + 999) / 1000 + " s";
    }
}
