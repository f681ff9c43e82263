package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smartapiauth.sandbox.SandboxHttp.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every kind of call, good and bad, and reads the whole test run's log for secrets. */
class NoSecretLeakTest {

    private static final SandboxAccount SECRETIVE = SandboxAccount.of("leak-check-api-key-Zq9", "L700007", "0707",
            "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U");

    @Test
    void neitherLogsNorPrintedFormsHoldAnySecret() throws IOException {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assumeTrue(logFile != null && !logFile.equals("System.err"), "run by Maven, which logs to a file");
        SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
        List<String> secrets = new ArrayList<>(List.of(SECRETIVE.apiKey(), SECRETIVE.mpin(), SECRETIVE.totpSecret()));
        List<String> printed = new ArrayList<>();
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(SECRETIVE).clock(clock).build()) {
            SandboxHttp http = new SandboxHttp(sandbox.start(), clock);
            String used = http.totp(SECRETIVE, 0);
            secrets.add(used);
            http.post(Route.LOGIN, SECRETIVE.apiKey(), null, http.loginBody("L700007", "0707", "000000"));
            clock.advance(Duration.ofSeconds(1));
            http.post(Route.LOGIN, SECRETIVE.apiKey(), null, http.loginBody("L700007", "0708", used));
            clock.advance(Duration.ofSeconds(1));
            http.post(Route.LOGIN, SECRETIVE.apiKey(), null, "{\"clientcode\":\"L700007\",\"password\":\"0707\",\"totp\":\"" + used);
            clock.advance(Duration.ofSeconds(1));
            Tokens tokens = Tokens.of(http.post(Route.LOGIN, SECRETIVE.apiKey(), null, http.loginBody("L700007", "0707", used)));
            clock.advance(Duration.ofSeconds(1));
            http.post(Route.LOGIN, SECRETIVE.apiKey(), null, http.loginBody("L700007", "0707", used));
            http.post(Route.LOGIN, SECRETIVE.apiKey() + "x", null, http.loginBody("L700007", "0707", used));
            secrets.addAll(List.of(tokens.jwt(), tokens.refresh(), tokens.feed()));
            http.get(Route.GET_PROFILE, SECRETIVE.apiKey(), tokens.jwt());
            http.get(Route.GET_RMS, SECRETIVE.apiKey(), tokens.jwt());
            Tokens next = Tokens.of(http.refresh(SECRETIVE, tokens));
            secrets.addAll(List.of(next.jwt(), next.refresh(), next.feed()));
            http.refresh(SECRETIVE, tokens);
            sandbox.faults().next(Route.LOGOUT, Fault.CONNECTION_RESET).next(Route.LOGOUT, Fault.HTTP_500);
            try {
                http.post(Route.LOGOUT, SECRETIVE.apiKey(), next.jwt(), "{}");
            } catch (RuntimeException expected) {
                // the reset connection
            }
            clock.advance(Duration.ofSeconds(1));
            http.post(Route.LOGOUT, SECRETIVE.apiKey(), next.jwt(), "{}");
            clock.advance(Duration.ofSeconds(1));
            http.post(Route.LOGOUT, SECRETIVE.apiKey(), next.jwt(), "{}");
            clock.advance(Duration.ofSeconds(1));
            http.get(Route.GET_PROFILE, SECRETIVE.apiKey(), next.jwt());
            sandbox.requests().forEach(request -> printed.add(request.toString()));
            printed.add(SECRETIVE.toString());
            printed.add(sandbox.toString());
        }

        // Port numbers in URLs could contain a 4-digit MPIN by chance: drop them first.
        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8).replaceAll("127\\.0\\.0\\.1:\\d+", "");
        assertThat(log).contains("L700007").doesNotContain("eyJ");
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            assertThat(printed).noneMatch(text -> text.contains(secret));
        }
    }
}
