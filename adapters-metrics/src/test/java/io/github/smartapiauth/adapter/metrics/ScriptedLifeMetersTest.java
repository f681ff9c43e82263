package io.github.smartapiauth.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Client;
import feign.Feign;
import feign.RequestLine;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.health.HealthState;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.health.RenewalKind;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A scripted day against the real sandbox over loopback HTTP, with a {@link SimpleMeterRegistry}:
 * login, refresh, a token the broker rejects on a platform call, a failed login, logout. The
 * registry then holds exactly the expected meters, counts and tags, and nothing secret.
 */
@Timeout(60)
class ScriptedLifeMetersTest {

    private static final String ACCOUNT = SandboxLife.ACCOUNT.clientCode();
    private static final String WRONG_MPIN = "9999";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SandboxLife life;

    /** A platform's own SmartAPI client: funds. */
    interface RmsApi {
        @RequestLine("GET /rest/secure/angelbroking/user/v1/getRMS")
        String getRms();
    }

    @AfterEach
    void stop() {
        if (life != null) {
            life.close();
        }
        registry.close();
    }

    /** Runs the day and returns every secret value it saw (tokens included), for the scan. */
    private List<String> liveTheDay() {
        List<String> secrets = new ArrayList<>(List.of(SandboxLife.ACCOUNT.apiKey(), SandboxLife.ACCOUNT.mpin(),
                SandboxLife.ACCOUNT.totpSecret(), WRONG_MPIN));
        // Login.
        remember(life.auth.open(), secrets);
        life.clock.advance(Duration.ofMinutes(5));
        // Refresh.
        remember(life.auth.refresh(), secrets);
        life.clock.advance(Duration.ofMinutes(5));
        // The broker rejects the token on a platform's own call: reported, renewed (a refresh), retried.
        life.sandbox.faults().next(Route.GET_RMS, Fault.INVALID_TOKEN);
        RmsApi rms = Feign.builder().requestInterceptor(life.auth.requestInterceptor())
                .client(life.auth.renewingClient(new Client.Default(null, null)))
                .target(RmsApi.class, life.sandbox.baseUri().toString());
        assertThat(rms.getRms()).contains("\"status\":true");
        remember(life.auth.session(), secrets);
        life.clock.advance(Duration.ofMinutes(5));
        // A failed login: a wrong MPIN stops automatic renewal.
        life.replaceMpin(WRONG_MPIN);
        assertThatThrownBy(life.auth::open).isInstanceOf(InvalidCredentialsException.class);
        return secrets;
    }

    private static void remember(Session session, List<String> secrets) {
        secrets.add(session.tokens().accessToken().value());
        secrets.add(session.tokens().refreshToken().value());
        secrets.add(session.tokens().feedToken().value());
    }

    @Test
    void aDayOfLoginRefreshRejectedTokenFailedLoginAndLogoutLeavesExactlyTheseMeters() {
        life = new SandboxLife(Optional.of(MicrometerMetrics.of(registry)), false);
        List<String> secrets = liveTheDay();

        assertThat(gauge(MicrometerMetrics.BLOCKED_ACCOUNTS, Map.of())).isEqualTo(1.0);
        AccountHealth blocked = life.auth.health().get(0);
        assertThat(blocked.state()).isEqualTo(HealthState.BLOCKED);
        assertThat(blocked.blockedBecause()).isPresent();
        assertThat(gauge(MicrometerMetrics.SESSION_REMAINING, Map.of("account", ACCOUNT)))
                .as("the blocked account still holds a valid session").isPositive();
        assertThat(blocked.lastRenewal()).hasValueSatisfying(last -> {
            assertThat(last.kind()).contains(RenewalKind.LOGIN);
            assertThat(last.outcome()).isEqualTo(Outcome.INVALID_CREDENTIALS);
            assertThat(last.at()).isEqualTo(life.clock.instant());
        });
        // The right MPIN back lifts the block; then logout.
        life.replaceMpin(SandboxLife.ACCOUNT.mpin());
        assertThat(life.auth.logout().serverConfirmed()).isTrue();

        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("smartapi.auth.renewals{account=DEMO001,kind=login,outcome=success}", 1L),
                Map.entry("smartapi.auth.renewals{account=DEMO001,kind=refresh,outcome=success}", 2L),
                Map.entry("smartapi.auth.renewals{account=DEMO001,kind=login,outcome=invalid_credentials}", 1L),
                Map.entry("smartapi.auth.renewal.duration{account=DEMO001,kind=login,outcome=success}", 1L),
                Map.entry("smartapi.auth.renewal.duration{account=DEMO001,kind=refresh,outcome=success}", 2L),
                Map.entry("smartapi.auth.renewal.duration{account=DEMO001,kind=login,outcome=invalid_credentials}",
                        1L),
                Map.entry("smartapi.auth.upstream.calls{account=DEMO001,outcome=success,route=loginByPassword}", 1L),
                Map.entry("smartapi.auth.upstream.calls{account=DEMO001,outcome=invalid_credentials,"
                        + "route=loginByPassword}", 1L),
                Map.entry("smartapi.auth.upstream.calls{account=DEMO001,outcome=success,route=generateTokens}", 2L),
                Map.entry("smartapi.auth.upstream.calls{account=DEMO001,outcome=success,route=logout}", 1L),
                Map.entry("smartapi.auth.tokens.rejected{account=DEMO001}", 1L),
                Map.entry("smartapi.auth.logouts{account=DEMO001,outcome=confirmed}", 1L)));
        assertThat(gauge(MicrometerMetrics.BLOCKED_ACCOUNTS, Map.of())).isZero();
        assertThat(gauge(MicrometerMetrics.SESSION_REMAINING, Map.of("account", ACCOUNT))).isZero();
        assertThat(life.auth.health()).singleElement()
                .satisfies(health -> assertThat(health.state()).isEqualTo(HealthState.LOGGED_OUT));
        assertThat(idsOfEveryMeter()).as("no meter name or tag carries a secret")
                .allSatisfy(id -> assertThat(secrets).noneSatisfy(secret -> assertThat(id).contains(secret)));
    }

    @Test
    void withoutTheAccountTagNoMeterNamesAnAccountAndTheGaugeIsTheSoonestEnd() {
        life = new SandboxLife(Optional.of(MicrometerMetrics.of(registry).withoutAccountTag()), false);
        liveTheDay();

        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTag("account")).isNull());
        assertThat(counts()).containsEntry("smartapi.auth.renewals{kind=refresh,outcome=success}", 2L)
                .containsEntry("smartapi.auth.tokens.rejected{}", 1L);
        assertThat(gauge(MicrometerMetrics.SESSION_REMAINING, Map.of())).isPositive();
    }

    @Test
    void callsThatWaitForSmartApisPerSecondLimitAreTimedAsPacingWaits() {
        life = new SandboxLife(Optional.of(MicrometerMetrics.of(registry)), true);
        life.auth.open();
        for (int i = 0; i < 4; i++) {
            life.auth.profile();
        }

        assertThat(registry.find(MicrometerMetrics.PACING_WAIT).tags("account", ACCOUNT, "route", "getProfile")
                .timer()).as("getProfile allows 3 a second: the fourth waited").isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
    }

    private double gauge(String name, Map<String, String> tags) {
        var search = registry.find(name);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.gauge().value();
    }

    /** Every counter and timer by name and sorted tags, with its count. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            if (meter instanceof io.micrometer.core.instrument.Counter counter) {
                counts.put(id(meter), (long) counter.count());
            } else if (meter instanceof io.micrometer.core.instrument.Timer timer) {
                counts.put(id(meter), timer.count());
            }
        }
        return counts;
    }

    private List<String> idsOfEveryMeter() {
        return registry.getMeters().stream().map(ScriptedLifeMetersTest::id).collect(Collectors.toList());
    }

    private static String id(Meter meter) {
        return meter.getId().getName() + meter.getId().getTags().stream().sorted()
                .map(Tag::toString).map(tag -> tag.replace("tag(", "").replace(")", ""))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
