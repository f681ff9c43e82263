package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.util.Locale;

/**
 * A failed command as JSON on stdout, when {@code --json} was given:
 * {@code {"error":{"kind":"invalid_totp","message":"...","exit":1}}}. The kind is stable: {@code usage},
 * {@code configuration}, one per error of the library ({@code invalid_credentials}, {@code invalid_totp},
 * {@code refresh_rejected}, {@code session_expired}, {@code rate_limited}, {@code broker_unavailable},
 * {@code session_store}, {@code unexpected_response}, {@code interrupted_wait}, {@code renewal_timeout},
 * {@code clock_skew}), else {@code internal}.
 */
final class ErrorJson {

    private ErrorJson() {
    }

    static Json of(Throwable error, String message, int exit) {
        return of(kindOf(error), message, exit);
    }

    static Json of(String kind, String message, int exit) {
        return new Json().put("error", new Json().put("kind", kind).put("message", message).put("exit", exit));
    }

    static String kindOf(Throwable error) {
        if (error instanceof picocli.CommandLine.ParameterException) {
            return "usage";
        }
        if (!(error instanceof SmartApiAuthException)) {
            return "internal";
        }
        String name = error.getClass().getSimpleName().replaceFirst("Exception$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
