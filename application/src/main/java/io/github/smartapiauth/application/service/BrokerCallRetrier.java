package io.github.smartapiauth.application.service;

import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs a broker call, retrying transient failures as the {@link RetryPolicy} allows, waiting with the sleeper. */
final class BrokerCallRetrier {

    private final CoreDependencies core;

    BrokerCallRetrier(CoreDependencies core) {
        this.core = core;
    }

    <T> T call(Supplier<T> brokerCall) throws InterruptedException {
        RetryPolicy policy = core.settings().retry();
        for (int attempt = 1; ; attempt++) {
            try {
                return brokerCall.get();
            } catch (SmartApiAuthException e) {
                if (!policy.shouldRetry(e, attempt)) {
                    throw e;
                }
                pause(policy.delayAfter(attempt, e, core.random()), new WaitReason.Retry(attempt + 1,
                        policy.maxAttempts(), e instanceof io.github.smartapiauth.domain.error.RateLimitedException));
            }
        }
    }

    void pause(Duration duration, WaitReason reason) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            core.sleeper().sleep(duration, reason);
        }
    }
}
