package io.github.smartapiauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.health.HealthState;
import io.github.smartapiauth.domain.health.Outcome;
import io.github.smartapiauth.domain.health.RenewalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Health from memory through a session's life, and what the metrics port hears (never on the FRESH path). */
class HealthAndMeasurementsTest {

    private static final ClientCode ACCOUNT = CoreFixture.ACCOUNT;

    private final CoreFixture fixture = new CoreFixture();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final SessionService core = fixture.builder(RenewalSettings.defaults(), Runnable::run)
            .metrics(metrics).build();

    /** Everything the port heard, as text. */
    static final class RecordingMetrics implements MetricsPort {
        final List<String> heard = new CopyOnWriteArrayList<>();
        HealthSource watched;

        @Override
        public void renewalStep(ClientCode account, RenewalKind kind, Outcome outcome) {
            heard.add("step " + account + " " + kind + " " + outcome);
        }

        @Override
        public void renewal(ClientCode account, Optional<RenewalKind> lastStep, Outcome outcome, Duration took) {
            heard.add("renewal " + account + " " + lastStep.map(Enum::name).orElse("none") + " " + outcome);
        }

        @Override
        public void event(SessionEvent event) {
            heard.add("event " + event.getClass().getSimpleName());
        }

        @Override
        public void watch(HealthSource health) {
            watched = health;
        }
    }

    @Test
    void anAccountGoesFromNoSessionToFreshStaleExpiredRefusedAndLoggedOutWithoutTheNetwork() {
        assertThat(core.health(ACCOUNT).state()).isEqualTo(HealthState.NO_SESSION);
        assertThat(core.health(ACCOUNT).lastRenewal()).isEmpty();
        assertThat(fixture.broker.upstreamRenewals()).isZero();

        core.accessToken(ACCOUNT);
        AccountHealth fresh = core.health(ACCOUNT);
        assertThat(fresh.state()).isEqualTo(HealthState.FRESH);
        assertThat(fresh.canTrade()).isTrue();
        assertThat(fresh.blockedBecause()).isEmpty();
        assertThat(fresh.lastRenewal()).hasValueSatisfying(last -> {
            assertThat(last.kind()).contains(RenewalKind.LOGIN);
            assertThat(last.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(last.at()).isEqualTo(CoreFixture.MARKET_OPEN);
        });
        Instant endsAt = fresh.sessionEndsAt().orElseThrow();
        int callsWhileFresh = fixture.broker.upstreamRenewals();

        fixture.clock.set(endsAt.minus(Duration.ofMinutes(1)));
        assertThat(core.health(ACCOUNT).state()).as("health never renews").isEqualTo(HealthState.STALE);
        assertThat(core.health(ACCOUNT).timeLeft()).contains(Duration.ofMinutes(1));
        fixture.clock.set(endsAt);
        assertThat(core.health(ACCOUNT).state()).isEqualTo(HealthState.EXPIRED);
        assertThat(fixture.broker.upstreamRenewals()).isEqualTo(callsWhileFresh);

        fixture.clock.set(CoreFixture.MARKET_OPEN.plusSeconds(60));
        core.reportRejected(new RejectedTokenReport(ACCOUNT, core.accessToken(ACCOUNT)));
        assertThat(core.health(ACCOUNT).state()).as("refused by the broker").isEqualTo(HealthState.EXPIRED);

        core.logOut(AccountCommand.of(ACCOUNT));
        assertThat(core.health()).singleElement().satisfies(health -> {
            assertThat(health.state()).isEqualTo(HealthState.LOGGED_OUT);
            assertThat(health.sessionEndsAt()).isEmpty();
        });
    }

    @Test
    void theMetricsPortHearsEachStepEachRenewalAndEachEventButNothingOnTheFreshPath() {
        core.accessToken(ACCOUNT);
        assertThat(metrics.heard).containsExactly("step A1234567 LOGIN SUCCESS", "renewal A1234567 LOGIN SUCCESS",
                "event Opened");
        assertThat(metrics.watched.all()).extracting(AccountHealth::account).containsExactly(ACCOUNT);

        for (int i = 0; i < 1000; i++) {
            core.accessToken(ACCOUNT);
        }
        assertThat(metrics.heard).as("the FRESH path measures nothing").hasSize(3);

        core.refresh(AccountCommand.of(ACCOUNT));
        assertThat(metrics.heard.subList(3, metrics.heard.size())).containsExactly("step A1234567 REFRESH SUCCESS",
                "renewal A1234567 REFRESH SUCCESS", "event Refreshed");
    }

    @Test
    void aMetricsAdapterThatThrowsChangesNoRenewal() {
        SessionService throwing = new CoreFixture().builder(RenewalSettings.defaults(), Runnable::run)
                .metrics(new MetricsPort() {
                    @Override
                    public void renewalStep(ClientCode account, RenewalKind kind, Outcome outcome) {
                        throw new IllegalStateException("the registry is broken");
                    }

                    @Override
                    public void event(SessionEvent event) {
                        throw new IllegalStateException("the registry is broken");
                    }
                }).build();

        assertThat(throwing.accessToken(ACCOUNT).value()).isNotBlank();
        assertThat(throwing.health(ACCOUNT).state()).isEqualTo(HealthState.FRESH);
    }
}
