package io.github.smartapiauth.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import io.github.smartapiauth.adapter.http.SmartApiHttpClient;
import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault the sandbox can inject, on every route, at every step of a session's life, once
 * (a blip) and persistently (more answers than the retry policy has attempts), through the
 * facade with real HTTP and a real vault. Each cell checks the outcome against the expected
 * one, then reopens the vault as a new process would: it must hold a complete session the
 * broker accepts, or be empty exactly when the step says so.
 */
@Order(1)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class FaultMatrixTest {

    /** 09:30:05 IST on a trading day. */
    static final Instant MORNING = Instant.parse("2026-11-24T04:00:05Z");
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final Duration FAULT_DELAY = Duration.ofMillis(800);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** More faulty answers in a row than the default retry policy (3 attempts) will see. */
    private static final int PERSISTENT = 5;

    @TempDir
    Path temp;

    /** A step of the life, the route it talks to first, and how it is driven. */
    enum Step {
        LOGIN(Route.LOGIN), EXPIRY_RENEWAL(Route.GENERATE_TOKENS), REFRESH(Route.GENERATE_TOKENS),
        PROFILE(Route.GET_PROFILE), LOGOUT(Route.LOGOUT), PLATFORM_CALL(Route.GET_RMS);

        final Route primary;

        Step(Route primary) {
            this.primary = primary;
        }
    }

    record Cell(Step step, Route route, Fault fault, int times, String outcome, String expected, boolean reached,
                String vault) {
    }

    @Test
    void everyFaultOnEveryRouteAtEveryStepEndsInADeclaredOutcomeAndNeverCostsTheStoredSession() throws Exception {
        List<Cell> cells = new ArrayList<>();
        int index = 0;
        for (Step step : Step.values()) {
            for (Route route : Route.values()) {
                for (Fault fault : Fault.values()) {
                    cells.add(run(step, route, fault, 1, index++));
                    if (route == step.primary) {
                        cells.add(run(step, route, fault, PERSISTENT, index++));
                    }
                }
            }
        }

        ReportSections.write(10, table(cells));
        List<Cell> wrong = cells.stream().filter(cell -> !cell.outcome().equals(cell.expected())
                || !cell.vault().startsWith("ok")).toList();
        assertThat(wrong).as("cells whose outcome or vault differs from the expected").isEmpty();
    }

    private Cell run(Step step, Route route, Fault fault, int times, int index) throws Exception {
        Path vaultDir = Files.createDirectories(temp.resolve("cell-" + index));
        SandboxClock clock = SandboxClock.at(MORNING.plus(Duration.ofMinutes(index)));
        try (World world = new World(clock, vaultDir, SmartApiSandbox.builder().rateLimits(false)
                .tokenLifetime(TOKEN_LIFETIME).faultDelay(FAULT_DELAY));
             SmartApiAuth auth = world.facade(world.http(READ_TIMEOUT, false), RenewalSettings.defaults(), clock::advance)) {
            RmsApi rms = Feign.builder()
                    .requestInterceptor(auth.requestInterceptor())
                    .client(auth.renewingClient(new Http2Client()))
                    .options(new Request.Options(Duration.ofSeconds(2), READ_TIMEOUT, false))
                    .retryer(Retryer.NEVER_RETRY)
                    .decoder(new JacksonDecoder())
                    .target(RmsApi.class, world.baseUrl.toString());
            if (step != Step.LOGIN) {
                auth.accessToken();
            }
            if (step == Step.EXPIRY_RENEWAL) {
                clock.advance(TOKEN_LIFETIME.minusSeconds(10));
            }
            world.sandbox.faults().next(route, fault, times);
            String outcome = outcomeOf(step, auth, rms);
            boolean reached = world.sandbox.faults().pending(route) < times;
            world.sandbox.faults().clear();
            String vault = checkVault(world, step, outcome);
            String expected = reached ? expected(step, fault, times) : "ok";
            if (List.of(expected.split("\\|")).contains(outcome)) {
                expected = outcome;
            }
            return new Cell(step, route, fault, times, outcome, expected, reached, vault);
        }
    }

    private static String outcomeOf(Step step, SmartApiAuth auth, RmsApi rms) {
        try {
            switch (step) {
                case LOGIN, EXPIRY_RENEWAL -> auth.accessToken();
                case REFRESH -> auth.refresh();
                case PROFILE -> auth.profile();
                case LOGOUT -> {
                    LogoutResult result = auth.logout();
                    if (!result.serverConfirmed()) {
                        return "local logout, " + result.serverError().map(FaultMatrixTest::code).orElse("?");
                    }
                }
                case PLATFORM_CALL -> {
                    JsonNode answer = rms.getRms();
                    if (answer == null) {
                        return "platform: empty answer";
                    }
                    if (!answer.path("status").asBoolean(false)) {
                        return "platform: error envelope " + answer.path("errorcode").asText(answer.path("errorCode")
                                .asText());
                    }
                }
            }
            return "ok";
        } catch (SmartApiAuthException declared) {
            return code(declared);
        } catch (FeignException platformsOwn) {
            return "platform: " + platformsOwn.getClass().getSimpleName();
        } catch (RuntimeException | Error undeclared) {
            return "UNDECLARED " + undeclared;
        }
    }

    /** The outcome this cell must have when its fault was reached. */
    private static String expected(Step step, Fault fault, int times) {
        boolean persistent = times > 1;
        if (step == Step.PLATFORM_CALL) {
            // The platform's own client: only a refused token is ours to handle; the rest passes through.
            return switch (fault) {
                case INVALID_TOKEN -> persistent ? "platform: error envelope AG8001" : "ok";
                case HTTP_500 -> "platform: InternalServerError";
                case WAF_PAGE, MALFORMED_JSON -> "platform: FeignException";
                case EMPTY_BODY -> "platform: empty answer";
                case DELAY -> "platform: RetryableException";
                // The JDK client itself resends an idempotent GET once when a reused connection is reset.
                case CONNECTION_RESET -> persistent ? "platform: RetryableException" : "ok|platform: RetryableException";
                case RATE_LIMIT -> "platform: Forbidden";
                case TRANSIENT_ERROR -> "platform: error envelope AB1004";
            };
        }
        if (fault == Fault.INVALID_TOKEN) {
            return switch (step) {
                case LOGIN -> "SessionExpiredException";
                case LOGOUT -> "local logout, SessionExpiredException";
                // A refused refresh falls back to a login; a refused profile renews once and asks again.
                case PROFILE -> persistent ? "SessionExpiredException" : "ok";
                default -> "ok";
            };
        }
        if (!persistent) {
            return "ok";
        }
        String transientError = fault == Fault.RATE_LIMIT ? "RateLimitedException" : "BrokerUnavailableException";
        if (fault == Fault.CONNECTION_RESET && step == Step.PROFILE) {
            // Three attempts, each of which the JDK client may resend once (an idempotent GET): 5 resets may not suffice.
            return "ok|" + transientError;
        }
        return step == Step.LOGOUT ? "local logout, " + transientError : transientError;
    }

    /** Reopens the vault as a new process would; what it holds must be complete and accepted by the broker. */
    private static String checkVault(World world, Step step, String outcome) {
        Optional<Session> stored;
        try (FileSessionStore reader = world.reopenVault()) {
            stored = reader.load(World.ACCOUNT);
        } catch (RuntimeException unreadable) {
            return "UNREADABLE " + unreadable.getClass().getSimpleName();
        }
        boolean mustBeEmpty = step == Step.LOGOUT || (step == Step.LOGIN && !outcome.equals("ok"));
        if (stored.isEmpty()) {
            return mustBeEmpty ? "ok (empty)" : "LOST";
        }
        if (mustBeEmpty) {
            return "NOT REMOVED";
        }
        Session session = stored.get();
        if (!session.expiresAt().isAfter(world.clock.instant())) {
            return "EXPIRED";
        }
        try {
            new SmartApiHttpClient(world.http(Duration.ofSeconds(2), false))
                    .profile(new Credentials(ApiKey.of(Sentinels.API_KEY), World.ACCOUNT, Pin.of(Sentinels.MPIN)),
                            session.tokens().accessToken());
            return "ok (valid)";
        } catch (SmartApiAuthException refused) {
            return "REFUSED BY BROKER " + code(refused);
        }
    }

    private static String code(Throwable error) {
        return error.getClass().getSimpleName();
    }

    private static String table(List<Cell> cells) {
        StringBuilder md = new StringBuilder("## Fault matrix\n\n");
        long reached = cells.stream().filter(Cell::reached).count();
        md.append("Faults tried: **").append(cells.size()).append("** cells (").append(Fault.values().length)
                .append(" faults x ").append(Route.values().length).append(" routes x ").append(Step.values().length)
                .append(" steps, once each, plus ").append(PERSISTENT)
                .append(" times in a row on each step's own route); ").append(reached)
                .append(" reached their route, the rest proved that an unrelated route's fault leaves the step alone.")
                .append(" After every cell the vault was reopened by a fresh reader: ")
                .append(cells.stream().filter(c -> c.vault().startsWith("ok")).count()).append(" of ")
                .append(cells.size()).append(" held a complete session the broker accepted, or were empty exactly after")
                .append(" a logout or a failed first login.\n\n");
        md.append("Outcomes of the faults that reached their route (`1x` a single faulty answer, `").append(PERSISTENT)
                .append("x` a persistent one). `ok` = the step succeeded (retried, renewed or fell back to a login).\n\n");
        md.append("| step | route |");
        for (Fault fault : Fault.values()) {
            md.append(' ').append(fault).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---|".repeat(Fault.values().length)).append('\n');
        for (Step step : Step.values()) {
            md.append("| ").append(step).append(" | ").append(step.primary).append(" |");
            for (Fault fault : Fault.values()) {
                String once = find(cells, step, step.primary, fault, 1);
                String persistent = find(cells, step, step.primary, fault, PERSISTENT);
                md.append(" 1x ").append(once).append("<br>").append(PERSISTENT).append("x ").append(persistent).append(" |");
            }
            md.append('\n');
        }
        List<Cell> unexpected = cells.stream().filter(c -> !c.outcome().equals(c.expected())
                || !c.vault().startsWith("ok")).toList();
        md.append("\nCells whose outcome or vault differed from the expected: ").append(unexpected.size()).append('\n');
        unexpected.forEach(c -> md.append("- ").append(c).append('\n'));
        return md.toString();
    }

    private static String find(List<Cell> cells, Step step, Route route, Fault fault, int times) {
        return cells.stream().filter(c -> c.step() == step && c.route() == route && c.fault() == fault && c.times() == times)
                .map(c -> c.outcome().replace("Exception", "").replace("platform: ", "platform ")).findFirst().orElse("-");
    }
}
