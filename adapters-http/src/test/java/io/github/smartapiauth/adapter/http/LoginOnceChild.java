package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.net.URI;
import java.time.Duration;

/** A child JVM's main: one login against {@code args[0]}; prints the outcome's error type and message on one line. */
final class LoginOnceChild {

    private LoginOnceChild() {
    }

    public static void main(String[] args) {
        try (SmartApiHttpClient client = new SmartApiHttpClient(HttpSettings.forBaseUrl(URI.create(args[0]))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)).withPacing(false))) {
            client.login(SandboxFixture.credentials(), TotpCode.of("123456"));
            System.out.println("no error");
        } catch (SmartApiAuthException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.flush();
    }
}
