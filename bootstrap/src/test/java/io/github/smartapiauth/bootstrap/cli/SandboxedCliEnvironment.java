package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a CLI test starts from: a sandbox serving one account on a clock the test moves, and the
 * environment a user would set for it (API key, client code, MPIN, TOTP secret, the sandbox's URL, a
 * vault directory under the test's folder, pacing off). A test adds what it is about, such as a
 * passphrase, to {@link #env()}.
 */
final class SandboxedCliEnvironment implements AutoCloseable {

    private final SmartApiSandbox sandbox;
    private final Map<String, String> env = new HashMap<>();

    private SandboxedCliEnvironment(SandboxAccount account, SandboxClock clock, Path dir) {
        this.sandbox = SmartApiSandbox.builder().account(account).clock(clock).rateLimits(false).build();
        env.putAll(Map.of(
                "SMARTAPI_API_KEY", account.apiKey(),
                "SMARTAPI_CLIENT_CODE", account.clientCode(),
                "SMARTAPI_PIN", account.mpin(),
                "SMARTAPI_TOTP_SECRET", account.totpSecret(),
                "SMARTAPI_BASE_URL", sandbox.start().toString(),
                "SMARTAPI_VAULT_DIR", dir.resolve("vault").toString(),
                "SMARTAPI_PACING", "false"));
    }

    static SandboxedCliEnvironment start(SandboxAccount account, SandboxClock clock, Path dir) {
        return new SandboxedCliEnvironment(account, clock, dir);
    }

    SmartApiSandbox sandbox() {
        return sandbox;
    }

    /** The variables the CLI runs with; the test may add or change them. */
    Map<String, String> env() {
        return env;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
