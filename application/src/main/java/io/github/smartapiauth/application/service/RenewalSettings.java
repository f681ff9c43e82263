package io.github.smartapiauth.application.service;

import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.totp.TotpClock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the session service renews.
 *
 * @param policy when sessions are fresh, stale or expired
 * @param totpClock the TOTP step timing (SmartAPI: 30 s, wait with under 2 s left)
 * @param retry backoff for transient failures of refresh, login, profile and logout
 * @param leaseWait how long to wait for another renewer (thread or process) to finish
 * @param staleRetryInterval after a failed refresh ahead of time, how long to keep serving
 *     the still-valid token before trying again
 * @param maxTotpFailures consecutive TOTP rejections after which automatic logins stop
 *     (a wrong secret would otherwise fail every 30 s all day)
 */
public record RenewalSettings(SessionPolicy policy, TotpClock totpClock, RetryPolicy retry, Duration leaseWait,
                              Duration staleRetryInterval, int maxTotpFailures) {

    public RenewalSettings {
        Objects.requireNonNull(policy, "policy is required");
        Objects.requireNonNull(totpClock, "totpClock is required");
        Objects.requireNonNull(retry, "retry is required");
        Objects.requireNonNull(leaseWait, "leaseWait is required");
        Objects.requireNonNull(staleRetryInterval, "staleRetryInterval is required");
        if (leaseWait.isNegative() || leaseWait.isZero()) {
            throw new IllegalArgumentException("the lease wait is " + leaseWait + "; expected more than zero");
        }
        if (staleRetryInterval.isNegative()) {
            throw new IllegalArgumentException("the stale retry interval is " + staleRetryInterval + "; expected zero or more");
        }
        if (maxTotpFailures < 1) {
            throw new IllegalArgumentException("maxTotpFailures is " + maxTotpFailures + "; expected at least 1");
        }
    }

    public static RenewalSettings defaults() {
        return new RenewalSettings(SessionPolicy.defaults(), TotpClock.smartApi(), RetryPolicy.defaults(),
                Duration.ofSeconds(90), Duration.ofSeconds(30), 3);
    }

    public RenewalSettings withPolicy(SessionPolicy newPolicy) {
        return new RenewalSettings(newPolicy, totpClock, retry, leaseWait, staleRetryInterval, maxTotpFailures);
    }

    public RenewalSettings withRetry(RetryPolicy newRetry) {
        return new RenewalSettings(policy, totpClock, newRetry, leaseWait, staleRetryInterval, maxTotpFailures);
    }
}
