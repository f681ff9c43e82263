package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.adapter.totp.TotpGenerator;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The {@code totp} command: the code an authenticator app would show now, and how long it lasts. */
final class TotpPrinter {

    private TotpPrinter() {
    }

    static void print(Optional<TotpKey> configured, CliEnvironment environment, boolean json) {
        TotpKey key = configured.orElseThrow(() -> new ConfigurationException(
                "no TOTP secret is configured; set SMARTAPI_TOTP_SECRET, SMARTAPI_TOTP_URI or SMARTAPI_TOTP_FILE"));
        Instant now = environment.clock().instant();
        try (TotpGenerator generator = TotpGenerator.of(key)) {
            TotpCode code = generator.codeAt(now);
            long left = secondsLeft(key.parameters(), now);
            environment.out().println(json ? new Json().put("code", code.reveal()).put("secondsLeft", left).toString()
                    : code.reveal() + "  (" + left + " s left)");
            code.wipe();
        }
    }

    private static long secondsLeft(TotpParameters parameters, Instant now) {
        long period = parameters.period().getSeconds();
        long next = (parameters.stepAt(now) + 1) * period + parameters.t0().getEpochSecond();
        long millis = Duration.between(now, Instant.ofEpochSecond(next)).toMillis();
        return (millis + 999) / 1000;
    }
}
