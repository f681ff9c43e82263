package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.storage.Argon2idParameters;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Walks a whole session life against the embedded sandbox: login with a generated TOTP,
 * encrypted save, restore in a fresh core, refresh, profile, a token the broker rejects and its
 * renewal, logout. Tokens are shown only as fingerprints.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk a whole session life against the embedded sandbox (no account needed).")
final class DemoCommand implements Callable<Integer> {

    private final CliEnvironment environment;
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = environment.out();
        SandboxAccount demo = SandboxAccount.demo();
        Path vaultDir = Files.createTempDirectory("smartapi-auth-demo-");
        Clock clock = marketOpenToday();
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(demo).clock(clock).build()) {
            URI base = sandbox.start();
            step(1, "Started the embedded SmartAPI sandbox at " + base + " (demo account " + demo.clientCode()
                    + "; its clock and ours run from 09:15 IST today, so the demo never meets the midnight cut-off).");
            SmartApiAuthConfig config = config(demo, base, vaultDir);

            Session opened;
            try (SmartApiAuth first = SmartApiAuth.builder().config(config).clock(clock).listener(events::add).build()) {
                opened = first.session();
                step(2, "Logged in " + opened.clientCode() + " with the MPIN and a generated TOTP code; token "
                        + fingerprint(first.accessToken()) + ", valid until " + TimeFormat.at(opened.expiresAt()) + ".");
                step(3, "Saved the session encrypted: " + first.status().storedIn() + ".");
            }

            boolean allOk;
            try (SmartApiAuth restarted = SmartApiAuth.builder().config(config).clock(clock).listener(events::add).build()) {
                String restored = restarted.accessToken();
                step(4, "A fresh core (as after a restart) took up the saved session without logging in: token "
                        + fingerprint(restored) + ", logins so far: " + sandbox.calls(Route.LOGIN) + ".");

                Session refreshed = restarted.refresh();
                step(5, "Refreshed without a TOTP code: token " + fingerprint(refreshed.tokens().accessToken().value())
                        + ", valid until " + TimeFormat.at(refreshed.expiresAt()) + ".");

                Profile profile = restarted.profile();
                step(6, "Profile: " + profile.name() + " (" + profile.clientCode() + "), exchanges "
                        + String.join(", ", profile.exchanges()) + ".");

                String before = restarted.accessToken();
                sandbox.faults().next(Route.GET_RMS, Fault.INVALID_TOKEN);
                boolean fundsOk = DemoPlatformCall.funds(restarted, base).contains("\"status\":true");
                step(7, "A platform call (getRMS) was refused with AG8001; the library renewed once and retried: "
                        + (fundsOk ? "the call succeeded" : "the call FAILED") + "; token " + fingerprint(before)
                        + " -> " + fingerprint(restarted.accessToken()) + ".");

                LogoutResult logout = restarted.logout();
                step(8, logout.describe());
                allOk = fundsOk && logout.serverConfirmed();
            }
            // After close(): every event has reached the listener (they are delivered on the library's threads).
            out.println();
            out.println("Done: " + sandbox.calls(Route.LOGIN) + " login, " + sandbox.calls(Route.GENERATE_TOKENS)
                    + " refreshes, " + events.size() + " session events; no secret was printed.");
            return allOk ? SmartApiAuthCli.OK : SmartApiAuthCli.FAILED;
        } finally {
            deleteRecursively(vaultDir);
        }
    }

    /**
     * The system clock moved to today's market open in India. It must tick: the sandbox counts its
     * per-second rate limits on it, and the client paces itself in real time.
     */
    private static Clock marketOpenToday() {
        Clock system = Clock.systemUTC();
        Instant now = system.instant();
        ZoneId india = ZoneId.of("Asia/Kolkata");
        Instant open = now.atZone(india).toLocalDate().atTime(9, 15).atZone(india).toInstant();
        return Clock.offset(system, Duration.between(now, open));
    }

    private static SmartApiAuthConfig config(SandboxAccount demo, URI base, Path vaultDir) {
        Credentials credentials = new Credentials(ApiKey.of(demo.apiKey()), ClientCode.of(demo.clientCode()),
                Pin.of(demo.mpin()));
        TotpKeyLoader totp = new TotpKeyLoader(name -> null, TotpParameters.smartApi());
        SmartApiAuthConfig.Account account = new SmartApiAuthConfig.Account(credentials,
                Optional.of(totp.fromBase32(demo.totpSecret()).key()));
        SmartApiAuthConfig.VaultStore vault = new SmartApiAuthConfig.VaultStore(vaultDir,
                Optional.of(randomPassphrase()), Optional.empty(), Argon2idParameters.defaults());
        return new SmartApiAuthConfig(List.of(account), HttpSettings.forBaseUrl(base), RenewalSettings.defaults(), vault,
                List.of());
    }

    private void step(int number, String text) {
        environment.out().println(number + ". " + text);
        environment.out().flush();
    }

    /** The first 8 hex digits of the token's SHA-256: enough to tell tokens apart, useless to an attacker. */
    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return "#" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static char[] randomPassphrase() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).toCharArray();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
