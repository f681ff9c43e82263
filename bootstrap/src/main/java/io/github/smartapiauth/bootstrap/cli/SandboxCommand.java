package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.sandbox.AccountsFile;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves the sandbox in the foreground until Ctrl-C (or for a while), configured from the
 * command line alone, so a test suite in any language can start and steer it.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Serve a local SmartAPI-compatible sandbox (the demo account, fake credentials, unless --accounts).")
final class SandboxCommand implements java.util.concurrent.Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    /** The root command, whose inherited --json asks for the JSON banner too. */
    @picocli.CommandLine.ParentCommand
    SmartApiAuthCli root;

    @Option(names = "--port", description = "The port (default: a free one).")
    int port;

    @Option(names = "--no-rate-limits", description = "Answer every call, however fast (for load tests).")
    boolean noRateLimits;

    @Option(names = "--serve-for", paramLabel = "SECONDS", description = "Stop after this many seconds (default: until Ctrl-C).")
    long serveForSeconds;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Serve these accounts instead of the demo one: one per line (API_KEY CLIENT_CODE MPIN"
                    + " TOTP_SECRET [PROFILE NAME]) or a JSON array of {apiKey, clientCode, mpin, totpSecret, name}.")
    Path accountsFile;

    @Option(names = "--token-lifetime", paramLabel = "DURATION",
            description = "Tokens expire this long after issue (e.g. 90s, 30m, 8h, PT1H) instead of at the next midnight IST.")
    String tokenLifetime;

    @Option(names = "--start-at", paramLabel = "INSTANT",
            description = "The sandbox clock starts here (e.g. 2025-01-06T03:45:00Z) instead of now.")
    Instant startAt;

    @Option(names = "--clock-rate", paramLabel = "RATE",
            description = "The sandbox clock runs RATE times as fast as real time (60: a minute per second; 0: stands still).")
    Double clockRate;

    @Option(names = "--fault", paramLabel = "ROUTE=FAULT[xN]",
            description = "Script a fault for the next calls of a route (repeatable), e.g. LOGIN=HTTP_500x2, getProfile=DELAY.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--log-requests", description = "Print every request on one line, secrets masked.")
    boolean logRequests;

    @Option(names = "--rotate-refresh-tokens",
            description = "Each refresh hands out a new refresh token and refuses the old (the official SDKs break on this).")
    boolean rotateRefreshTokens;

    @Option(names = "--control", description = "Serve the control API under /__sandbox/ (loopback only; see sandbox/README.md).")
    boolean control;

    @Option(names = "--json-banner", description = "Print the URL and the accounts as one JSON line instead of the text banner.")
    boolean jsonBanner;

    SandboxCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = environment.out();
        if (port < 0 || port > 65535) {
            throw new UsageError(spec.commandLine(), "--port " + port + " is not a port; expected 0 to 65535"
                    + " (0, the default, takes a free one)");
        }
        if (serveForSeconds < 0) {
            throw new UsageError(spec.commandLine(), "--serve-for " + serveForSeconds + " is negative; expected"
                    + " a number of seconds, or leave it out to serve until Ctrl-C");
        }
        List<SandboxAccount> accounts = accounts();
        SmartApiSandbox.Builder builder = SmartApiSandbox.builder().port(port).rateLimits(!noRateLimits)
                .rotateRefreshTokens(rotateRefreshTokens).controlApi(control);
        accounts.forEach(builder::account);
        SandboxClock clock = null;
        if (startAt != null || clockRate != null) {
            try {
                clock = SandboxClock.running(startAt != null ? startAt : environment.clock().instant(),
                        clockRate != null ? clockRate : 1.0);
            } catch (IllegalArgumentException e) {
                throw new UsageError(spec.commandLine(), "--clock-rate: " + e.getMessage());
            }
            builder.clock(clock);
        }
        if (tokenLifetime != null) {
            builder.tokenLifetime(duration(tokenLifetime));
        }
        if (logRequests) {
            builder.requestListener(request -> {
                out.println(request);
                out.flush();
            });
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SmartApiSandbox sandbox = builder.build()) {
            for (String fault : faults) {
                try {
                    sandbox.faults().script(fault);
                } catch (IllegalArgumentException e) {
                    throw new UsageError(spec.commandLine(), "--fault " + fault + ": " + e.getMessage());
                }
            }
            URI base = start(sandbox);
            Thread hook = new Thread(stopped::countDown, "smartapi-auth-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            if (jsonBanner || root != null && root.json) {
                out.println(jsonBanner(base, sandbox, accounts));
            } else {
                textBanner(out, base, sandbox, accounts);
            }
            out.flush();
            try {
                if (serveForSeconds > 0) {
                    stopped.await(Duration.ofSeconds(serveForSeconds).toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stopped.await();
                }
            } finally {
                removeHook(hook);
            }
        }
        return SmartApiAuthCli.OK;
    }

    /** A port that cannot be bound is the user's to change: a usage error naming it and the fix. */
    private URI start(SmartApiSandbox sandbox) {
        try {
            return sandbox.start();
        } catch (UncheckedIOException e) {
            boolean inUse = e.getCause() instanceof java.net.BindException;
            throw new UsageError(spec.commandLine(), (inUse ? "port " + port + " is in use"
                    : "cannot listen on port " + port + " (" + e.getCause().getClass().getSimpleName() + ")")
                    + "; choose another with --port, or leave --port out to take a free one");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }

    private List<SandboxAccount> accounts() {
        if (accountsFile == null) {
            return List.of(SandboxAccount.demo());
        }
        try {
            return AccountsFile.read(accountsFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UsageError(spec.commandLine(), "--accounts: " + e.getMessage());
        }
    }

    private boolean servesOnlyTheDemo() {
        return accountsFile == null;
    }

    private String jsonBanner(URI base, SmartApiSandbox sandbox, List<SandboxAccount> accounts) {
        Json banner = new Json().put("url", base.toString())
                .put("controlUrl", control ? base + "/__sandbox/" : null)
                .put("rateLimits", !noRateLimits)
                .put("rotateRefreshTokens", rotateRefreshTokens)
                .put("clock", sandbox.clock().instant().toString())
                .put("clockRate", sandbox.clock() instanceof SandboxClock running ? running.rate() : 1.0)
                .put("accounts", accounts.stream().map(SandboxAccount::clientCode).toList());
        if (servesOnlyTheDemo()) {
            SandboxAccount demo = accounts.get(0);
            banner.put("demo", new Json().put("apiKey", demo.apiKey()).put("clientCode", demo.clientCode())
                    .put("mpin", demo.mpin()).put("totpSecret", demo.totpSecret()));
        }
        return banner.toString();
    }

    private void textBanner(PrintWriter out, URI base, SmartApiSandbox sandbox, List<SandboxAccount> accounts) {
        out.println("SmartAPI sandbox listening on " + base);
        if (servesOnlyTheDemo()) {
            SandboxAccount demo = accounts.get(0);
            out.println("Demo account (documented fake credentials):");
            out.println("  SMARTAPI_BASE_URL=" + base);
            out.println("  SMARTAPI_API_KEY=" + demo.apiKey());
            out.println("  SMARTAPI_CLIENT_CODE=" + demo.clientCode());
            out.println("  SMARTAPI_PIN=" + demo.mpin());
            out.println("  SMARTAPI_TOTP_SECRET=" + demo.totpSecret());
        } else {
            out.println("Accounts from " + accountsFile + ": "
                    + String.join(", ", accounts.stream().map(SandboxAccount::clientCode).toList()));
        }
        if (control) {
            out.println("Control API: " + base + "/__sandbox/");
        }
        out.println("Clock " + sandbox.clock().instant()
                + (sandbox.clock() instanceof SandboxClock running ? " (rate " + running.rate() + ")" : "")
                + ". Rate limits " + (noRateLimits ? "off" : "on") + ". Refresh tokens "
                + (rotateRefreshTokens ? "rotate" : "kept") + ". Press Ctrl-C to stop.");
    }

    /** ISO-8601 ({@code PT1H}) or a number with a unit: {@code 90s}, {@code 30m}, {@code 8h}, {@code 1d}. */
    private Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return positive(Duration.parse(value.toUpperCase(Locale.ROOT)), text);
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return positive(switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            }, text);
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new UsageError(spec.commandLine(),
                    "--token-lifetime " + text + ": expected e.g. 90s, 30m, 8h, 1d or PT1H");
        }
    }

    private Duration positive(Duration duration, String text) {
        if (duration.isNegative() || duration.isZero()) {
            throw new UsageError(spec.commandLine(), "--token-lifetime " + text + ": must be positive");
        }
        return duration;
    }
}
