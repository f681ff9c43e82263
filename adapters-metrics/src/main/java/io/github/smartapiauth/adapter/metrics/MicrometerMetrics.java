package io.github.smartapiauth.adapter.metrics;

import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.health.HealthState;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.health.RenewalKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's meters in a Micrometer {@link MeterRegistry}, tagged by account (the client code,
 * never anything secret) unless {@link #withoutAccountTag()} drops that tag for platforms with
 * thousands of accounts. Install it with one builder call, {@code SmartApiAuth.builder()...metrics(
 * MicrometerMetrics.of(registry))}, or one more Guice module, {@code new MetricsModule(MicrometerMetrics.of(registry))}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #RENEWALS}</td><td>counter</td><td>account, kind, outcome</td>
 *       <td>renewal steps: a stored session taken up ({@code restore}), a refresh, a login attempt</td></tr>
 *   <tr><td>{@value #RENEWAL_DURATION}</td><td>timer</td><td>account, kind, outcome</td>
 *       <td>whole renewals, as the waiting callers saw them; kind is the last step ({@code none} when
 *       it failed before one)</td></tr>
 *   <tr><td>{@value #UPSTREAM_CALLS}</td><td>timer</td><td>account, route, outcome</td>
 *       <td>calls to SmartAPI's session routes ({@code loginByPassword}, {@code generateTokens},
 *       {@code getProfile}, {@code logout})</td></tr>
 *   <tr><td>{@value #PACING_WAIT}</td><td>timer</td><td>account, route</td>
 *       <td>time a call waited for its turn under SmartAPI's per-second limits (only calls that waited)</td></tr>
 *   <tr><td>{@value #SESSION_REMAINING}</td><td>gauge (seconds)</td><td>account</td>
 *       <td>time until the session stops being handed out; 0 without a valid one. Without the account
 *       tag: the soonest end over all accounts</td></tr>
 *   <tr><td>{@value #STORE_FAILURES}</td><td>counter</td><td>account</td><td>session store reads or writes that failed</td></tr>
 *   <tr><td>{@value #TOKENS_REJECTED}</td><td>counter</td><td>account</td>
 *       <td>tokens reported refused by SmartAPI (AG8001) that started a renewal</td></tr>
 *   <tr><td>{@value #LOGOUTS}</td><td>counter</td><td>account, outcome</td>
 *       <td>logouts: {@code confirmed} by the broker, or {@code local_only}</td></tr>
 *   <tr><td>{@value #BLOCKED_ACCOUNTS}</td><td>gauge</td><td>none</td>
 *       <td>accounts whose automatic renewal is stopped (bad credentials) until an explicit login</td></tr>
 * </table>
 *
 * Nothing here runs on the FRESH path of {@code accessToken()}: meters move when a renewal, a call to
 * SmartAPI or an event happens. Percentiles and histograms are the registry's choice (a {@code MeterFilter}).
 */
public final class MicrometerMetrics implements MetricsPort {

    public static final String RENEWALS = "smartapi.auth.renewals";
    public static final String RENEWAL_DURATION = "smartapi.auth.renewal.duration";
    public static final String UPSTREAM_CALLS = "smartapi.auth.upstream.calls";
    public static final String PACING_WAIT = "smartapi.auth.pacing.wait";
    public static final String SESSION_REMAINING = "smartapi.auth.session.remaining";
    public static final String STORE_FAILURES = "smartapi.auth.store.failures";
    public static final String TOKENS_REJECTED = "smartapi.auth.tokens.rejected";
    public static final String LOGOUTS = "smartapi.auth.logouts";
    public static final String BLOCKED_ACCOUNTS = "smartapi.auth.accounts.blocked";

    static final String ACCOUNT = "account";

    private final MeterRegistry registry;
    private final boolean accountTag;
    private final Set<ClientCode> gauged = ConcurrentHashMap.newKeySet();
    private volatile HealthSource health;

    private MicrometerMetrics(MeterRegistry registry, boolean accountTag) {
        this.registry = registry;
        this.accountTag = accountTag;
    }

    /** Meters in {@code registry}, tagged by account. */
    public static MicrometerMetrics of(MeterRegistry registry) {
        return new MicrometerMetrics(Objects.requireNonNull(registry, "the meter registry is required"), true);
    }

    /** The same meters without the account tag: one series per route and outcome, whatever the number of accounts. */
    public MicrometerMetrics withoutAccountTag() {
        return new MicrometerMetrics(registry, false);
    }

    @Override
    public void renewalStep(ClientCode account, RenewalKind kind, Outcome outcome) {
        sessionGauge(account);
        Counter.builder(RENEWALS).description("Renewal steps of SmartAPI sessions, by kind and outcome")
                .tags(tagged(account).and("kind", label(kind), "outcome", outcome.label()))
                .register(registry).increment();
    }

    @Override
    public void renewal(ClientCode account, Optional<RenewalKind> lastStep, Outcome outcome, Duration took) {
        Timer.builder(RENEWAL_DURATION).description("Whole renewals of SmartAPI sessions, as their callers waited")
                .tags(tagged(account).and("kind", lastStep.map(MicrometerMetrics::label).orElse("none"),
                        "outcome", outcome.label()))
                .register(registry).record(took);
    }

    @Override
    public void upstreamCall(ClientCode account, String route, Outcome outcome, Duration took) {
        sessionGauge(account);
        Timer.builder(UPSTREAM_CALLS).description("Calls to SmartAPI's session routes")
                .tags(tagged(account).and("route", route, "outcome", outcome.label()))
                .register(registry).record(took);
    }

    @Override
    public void pacingWait(ClientCode account, String route, Duration waited) {
        Timer.builder(PACING_WAIT).description("Time calls waited for SmartAPI's per-second limits")
                .tags(tagged(account).and("route", route))
                .register(registry).record(waited);
    }

    @Override
    public void event(SessionEvent event) {
        ClientCode account = event.clientCode();
        sessionGauge(account);
        if (event instanceof SessionEvent.StoreFailed) {
            Counter.builder(STORE_FAILURES).description("Session store reads or writes that failed")
                    .tags(tagged(account)).register(registry).increment();
        } else if (event instanceof SessionEvent.Expired expired
                && expired.cause() == SessionEvent.Expired.Cause.REJECTED_BY_BROKER) {
            Counter.builder(TOKENS_REJECTED).description("Access tokens reported refused by SmartAPI")
                    .tags(tagged(account)).register(registry).increment();
        } else if (event instanceof SessionEvent.LoggedOut out) {
            Counter.builder(LOGOUTS).description("Logouts, confirmed by the broker or local only")
                    .tags(tagged(account).and("outcome", out.serverConfirmed() ? "confirmed" : "local_only"))
                    .register(registry).increment();
        }
    }

    @Override
    public void watch(HealthSource source) {
        this.health = Objects.requireNonNull(source, "health source");
        Gauge.builder(BLOCKED_ACCOUNTS, source, MicrometerMetrics::blocked)
                .description("Accounts whose automatic renewal is stopped until an explicit login")
                .strongReference(true).register(registry);
        if (accountTag) {
            source.all().forEach(account -> sessionGauge(account.account()));
        } else {
            Gauge.builder(SESSION_REMAINING, source, MicrometerMetrics::soonestEnd).baseUnit("seconds")
                    .description("Seconds until the soonest session end over all accounts (0 when one has none)")
                    .strongReference(true).register(registry);
        }
    }

    /** One gauge per account, registered the first time the account is heard of. */
    private void sessionGauge(ClientCode account) {
        HealthSource source = health;
        if (!accountTag || source == null || gauged.contains(account) || !gauged.add(account)) {
            return;
        }
        Gauge.builder(SESSION_REMAINING, source, s -> secondsLeft(s.of(account)))
                .description("Seconds until the session stops being handed out (0 without a valid one)")
                .baseUnit("seconds").tags(Tags.of(ACCOUNT, account.value())).strongReference(true)
                .register(registry);
    }

    private Tags tagged(ClientCode account) {
        return accountTag ? Tags.of(ACCOUNT, account.value()) : Tags.empty();
    }

    private static String label(RenewalKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static double blocked(HealthSource source) {
        return source.all().stream().filter(account -> account.state() == HealthState.BLOCKED).count();
    }

    /** NaN once the account is no longer configured (removed). */
    private static double secondsLeft(Optional<AccountHealth> account) {
        return account.map(MicrometerMetrics::secondsLeft).orElse(Double.NaN);
    }

    private static double secondsLeft(AccountHealth account) {
        return account.timeLeft().map(left -> left.toMillis() / 1000.0).orElse(0.0);
    }

    private static double soonestEnd(HealthSource source) {
        return source.all().stream().mapToDouble(MicrometerMetrics::secondsLeft).min().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return "MicrometerMetrics[" + registry.getClass().getSimpleName() + (accountTag ? ", by account" : "") + "]";
    }
}
