package io.github.smartapiauth.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.bootstrap.events.Slf4jDiagnosticContext;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/**
 * Renewal log lines name their account in the MDC ({@code smartapi.account}) and nothing else, and
 * the core's threads are left as they were found. Lines are captured by this module's own SLF4J
 * backend ({@link CapturingLogs}), with the MDC each was logged under.
 */
@Timeout(60)
class RenewalLogsCarryTheAccountTest {

    private static final String ACCOUNT = SandboxLife.ACCOUNT.clientCode();

    private SandboxLife life;

    @BeforeEach
    void start() {
        CapturingLogs.LINES.clear();
        MDC.clear();
    }

    @AfterEach
    void stop() {
        if (life != null) {
            life.close();
        }
        MDC.clear();
    }

    @Test
    void loginRefreshAndAFailedLoginLogTheirLinesWithTheClientCodeInTheMdcAndNoSecret() throws Exception {
        life = new SandboxLife(Optional.empty(), false);
        Semaphore delivered = new Semaphore(0);
        life.auth.addListener(event -> delivered.release());
        List<String> secrets = new ArrayList<>(List.of(SandboxLife.ACCOUNT.apiKey(), SandboxLife.ACCOUNT.mpin(),
                SandboxLife.ACCOUNT.totpSecret()));

        remember(life.auth.open(), secrets);
        remember(life.auth.refresh(), secrets);
        life.replaceMpin("9999");
        assertThatThrownBy(life.auth::open).isInstanceOf(InvalidCredentialsException.class);
        assertThat(delivered.tryAcquire(3, 10, TimeUnit.SECONDS)).as("opened, refreshed, renewal failed").isTrue();

        List<CapturingLogs.Line> events = linesOf("io.github.smartapiauth.events");
        assertThat(events).extracting(CapturingLogs.Line::message).anySatisfy(m -> assertThat(m).contains("opened"))
                .anySatisfy(m -> assertThat(m).contains("refreshed"))
                .anySatisfy(m -> assertThat(m).contains("renewal failed"));
        List<CapturingLogs.Line> wire = linesOf("io.github.smartapiauth.adapter.http.wire");
        assertThat(wire).as("the renewals' HTTP calls").hasSizeGreaterThanOrEqualTo(6);
        for (CapturingLogs.Line line : concat(events, wire)) {
            assertThat(line.thread()).as("%s", line).startsWith("smartapi-auth-core-");
            assertThat(line.mdc()).as("%s", line).containsExactly(Map.entry(Slf4jDiagnosticContext.KEY, ACCOUNT));
        }
        assertThat(CapturingLogs.LINES).allSatisfy(line -> assertThat(line.mdc().values())
                .noneSatisfy(value -> assertThat(secrets).anySatisfy(secret -> assertThat(value).contains(secret))));
        assertThat(MDC.getCopyOfContextMap()).as("the caller's own MDC is untouched").isNullOrEmpty();
    }

    @Test
    void theMarkIsTakenOffAfterTheWorkAndWhatTheThreadHeldBeforeIsBack() {
        Slf4jDiagnosticContext context = new Slf4jDiagnosticContext();
        List<String> seen = new ArrayList<>();

        MDC.put(Slf4jDiagnosticContext.KEY, "OUTER01");
        context.forAccount(ClientCode.of(ACCOUNT), () -> seen.add(MDC.get(Slf4jDiagnosticContext.KEY))).run();
        seen.add(MDC.get(Slf4jDiagnosticContext.KEY));
        MDC.clear();
        assertThatThrownBy(() -> context.forAccount(ClientCode.of(ACCOUNT), () -> {
            throw new IllegalStateException("the work failed");
        }).run()).isInstanceOf(IllegalStateException.class);

        assertThat(seen).containsExactly(ACCOUNT, "OUTER01");
        assertThat(MDC.get(Slf4jDiagnosticContext.KEY)).as("removed after work that threw").isNull();
    }

    private static List<CapturingLogs.Line> linesOf(String logger) {
        return CapturingLogs.LINES.stream().filter(line -> line.logger().equals(logger)).toList();
    }

    private static List<CapturingLogs.Line> concat(List<CapturingLogs.Line> a, List<CapturingLogs.Line> b) {
        List<CapturingLogs.Line> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void remember(Session session, List<String> secrets) {
        secrets.add(session.tokens().accessToken().value());
        secrets.add(session.tokens().refreshToken().value());
        secrets.add(session.tokens().feedToken().value());
    }
}
