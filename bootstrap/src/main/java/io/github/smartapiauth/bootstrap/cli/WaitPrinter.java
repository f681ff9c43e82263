package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.application.service.WaitReason;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Waits as the core asks, and says on stderr what it waits for when that takes longer than a second
 * ("waiting 12 s for the next TOTP step", "rate limited; retry 2/3 in 5 s"): a command never sits silent.
 */
final class WaitPrinter implements Sleeper {

    private static final Duration WORTH_SAYING = Duration.ofSeconds(1);

    private final Sleeper sleeper;
    private final PrintWriter err;

    WaitPrinter(Sleeper sleeper, PrintWriter err) {
        this.sleeper = sleeper;
        this.err = err;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    @Override
    public void sleep(Duration duration, WaitReason reason) throws InterruptedException {
        if (duration.compareTo(WORTH_SAYING) > 0) {
            err.println(reason.describe(duration));
            err.flush();
        }
        sleeper.sleep(duration, reason);
    }
}
