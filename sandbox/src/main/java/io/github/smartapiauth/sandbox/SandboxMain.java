package io.github.smartapiauth.sandbox;

import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own with the demo account until interrupted (Ctrl-C).
 * Usage: {@code java -cp ... io.github.smartapiauth.sandbox.SandboxMain [--port N] [--no-rate-limits]}.
 * It prints the demo account's credentials: they are documented fakes.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        boolean rateLimits = true;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if ("--no-rate-limits".equals(args[i])) {
                rateLimits = false;
            } else {
                usage();
            }
        }
        SandboxAccount demo = SandboxAccount.demo();
        SmartApiSandbox sandbox = SmartApiSandbox.builder().account(demo).port(port).rateLimits(rateLimits).build();
        URI base = sandbox.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "smartapi-sandbox-shutdown"));
        System.out.println("SmartAPI sandbox listening on " + base);
        System.out.println("Demo account (fake credentials):");
        System.out.println("  X-PrivateKey (API key): " + demo.apiKey());
        System.out.println("  client code:            " + demo.clientCode());
        System.out.println("  MPIN:                   " + demo.mpin());
        System.out.println("  TOTP secret (base32):   " + demo.totpSecret());
        System.out.println("Rate limits " + (rateLimits ? "on" : "off") + ". Press Ctrl-C to stop.");
        stopped.await();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage message
        }
        usage();
        return 0;
    }

    private static void usage() {
        System.err.println("usage: SandboxMain [--port N] [--no-rate-limits]");
        System.exit(2);
    }
}
