package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the sandbox in the foreground, with the demo account, until Ctrl-C (or for a while). */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Serve a local SmartAPI-compatible sandbox with the demo account (fake credentials).")
final class SandboxCommand implements java.util.concurrent.Callable<Integer> {

    private final CliEnvironment environment;

    @Option(names = "--port", description = "The port (default: a free one).")
    int port;

    @Option(names = "--no-rate-limits", description = "Answer every call, however fast (for load tests).")
    boolean noRateLimits;

    @Option(names = "--serve-for", paramLabel = "SECONDS", description = "Stop after this many seconds (default: until Ctrl-C).")
    long serveForSeconds;

    SandboxCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        SandboxAccount demo = SandboxAccount.demo();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SmartApiSandbox sandbox = SmartApiSandbox.builder().account(demo).port(port).rateLimits(!noRateLimits).build()) {
            URI base = sandbox.start();
            Thread hook = new Thread(stopped::countDown, "smartapi-auth-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = environment.out();
            out.println("SmartAPI sandbox listening on " + base);
            out.println("Demo account (documented fake credentials):");
            out.println("  SMARTAPI_BASE_URL=" + base);
            out.println("  SMARTAPI_API_KEY=" + demo.apiKey());
            out.println("  SMARTAPI_CLIENT_CODE=" + demo.clientCode());
            out.println("  SMARTAPI_PIN=" + demo.mpin());
            out.println("  SMARTAPI_TOTP_SECRET=" + demo.totpSecret());
            out.println("Rate limits " + (noRateLimits ? "off" : "on") + ". Press Ctrl-C to stop.");
            out.flush();
            if (serveForSeconds > 0) {
                stopped.await(Duration.ofSeconds(serveForSeconds).toMillis(), TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stopped.await();
            }
        }
        return SmartApiAuthCli.OK;
    }
}
