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
 * @param renewalDeadline the longest any caller waits for a renewal; past it the renewal is given
 *     up, its waiters get a transient {@code RenewalTimeoutException} and the next request starts a
 *     new one. Derive it with {@link #withDeadlineFor(Duration)} from the longest one broker call may take.
 */
public record RenewalSettings(SessionPolicy policy, TotpClock totpClock, RetryPolicy retry, Duration leaseWait,
                              Duration staleRetryInterval, int maxTotpFailures, Duration renewalDeadline) {

    /** The longest one broker call takes with the default HTTP settings: 10 s to connect, 15 s to answer, 1 s of pacing. */
    public static final Duration DEFAULT_BROKER_CALL_LIMIT = Duration.ofSeconds(26);

    public RenewalSettings {
        Objects.requireNonNull(policy, "policy is required");
        Objects.requireNonNull(totpClock, "totpClock is required");
        Objects.requireNonNull(retry, "retry is required");
        Objects.requireNonNull(leaseWait, "leaseWait is required");
        Objects.requireNonNull(staleRetryInterval, "staleRetryInterval is required");
        Objects.requireNonNull(renewalDeadline, "renewalDeadline is required");
        if (renewalDeadline.isNegative() || renewalDeadline.isZero()) {
            throw new IllegalArgumentException("the renewal deadline is " + renewalDeadline + "; expected more than zero");
        }
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

    /** The settings before the deadline is derived, for the other constructors. */
    public RenewalSettings(SessionPolicy policy, TotpClock totpClock, RetryPolicy retry, Duration leaseWait,
                           Duration staleRetryInterval, int maxTotpFailures) {
        this(policy, totpClock, retry, leaseWait, staleRetryInterval, maxTotpFailures,
                deadline(DEFAULT_BROKER_CALL_LIMIT, retry, totpClock, leaseWait));
    }

    public static RenewalSettings defaults() {
        return new RenewalSettings(SessionPolicy.defaults(), TotpClock.smartApi(), RetryPolicy.defaults(),
                Duration.ofSeconds(90), Duration.ofSeconds(30), 3);
    }

    public RenewalSettings withPolicy(SessionPolicy newPolicy) {
        return new RenewalSettings(newPolicy, totpClock, retry, leaseWait, staleRetryInterval, maxTotpFailures,
                renewalDeadline);
    }

    /** New retries; the deadline is derived again (for the default broker call limit). */
    public RenewalSettings withRetry(RetryPolicy newRetry) {
        return new RenewalSettings(policy, totpClock, newRetry, leaseWait, staleRetryInterval, maxTotpFailures);
    }

    public RenewalSettings withRenewalDeadline(Duration deadline) {
        return new RenewalSettings(policy, totpClock, retry, leaseWait, staleRetryInterval, maxTotpFailures, deadline);
    }

    /**
     * The deadline derived from the longest one broker call may take (the HTTP connect and read
     * timeouts plus pacing): see {@link #deadline(Duration, RetryPolicy, TotpClock, Duration)}.
     */
    public RenewalSettings withDeadlineFor(Duration brokerCallLimit) {
        return withRenewalDeadline(deadline(brokerCallLimit, retry, totpClock, leaseWait));
    }

    /**
     * How long a renewal may take at worst, so that no caller waits longer: the lease wait, then a
     * refresh and a login, each with every attempt ({@code maxAttempts} calls of at most
     * {@code brokerCallLimit}, with the longest backoff between them), and before each login attempt
     * at most one TOTP step. With the defaults (26 s per call, 3 attempts, 4 s backoff, 30 s step,
     * 90 s lease wait): 90 + 86 + 176 = 352 s.
     */
    public static Duration deadline(Duration brokerCallLimit, RetryPolicy retry, TotpClock totpClock,
                                    Duration leaseWait) {
        int attempts = retry.maxAttempts();
        Duration oneCallWithRetries = brokerCallLimit.multipliedBy(attempts)
                .plus(retry.maxDelay().multipliedBy(attempts - 1L));
        Duration login = oneCallWithRetries.plus(totpClock.step().multipliedBy(attempts));
        return leaseWait.plus(oneCallWithRetries).plus(login);
    }
}
