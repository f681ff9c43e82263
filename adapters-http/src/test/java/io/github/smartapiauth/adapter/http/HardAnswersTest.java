package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Feign;
import feign.RequestLine;
import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SmartApiResponseReader a real SmartAPI (or something in front of it) may give that the sandbox does not. */
@Timeout(30)
class HardAnswersTest {

    private static final String JSON_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

    private static SmartApiHttpClient clientOf(CannedAnswerServer server) {
        return new SmartApiHttpClient(HttpSettings.forBaseUrl(server.base())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).withPacing(false));
    }

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOutLikeAnyOtherSilence() throws IOException {
        try (CannedAnswerServer server = new CannedAnswerServer(JSON_HEAD + "Content-Length: 500\r\n\r\n{\"st", true);
             SmartApiHttpClient client = clientOf(server)) {
            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), TotpCode.of("123456")))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("did not answer loginByPassword within 1.0 s");
        }
    }

    @Test
    void aTokenSmartApiCouldNotHaveIssuedIsAnUnexpectedAnswerNotACrash() throws IOException {
        String body = "{\"status\":true,\"message\":\"SUCCESS\",\"errorcode\":\"\",\"data\":{\"jwtToken\":\"Bearer Bearer"
                + " abc\",\"refreshToken\":\"r\",\"feedToken\":\"f\"}}";
        try (CannedAnswerServer server = new CannedAnswerServer(JSON_HEAD + "Content-Length: " + body.length() + "\r\n\r\n" + body, false);
             SmartApiHttpClient client = clientOf(server)) {
            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), TotpCode.of("123456")))
                    .isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("malformed token")
                    .hasMessageNotContaining("abc");
        }
    }

    @Test
    void aPlainTextNotFoundPointsAtTheBaseUrlInsteadOfAskingForARetry() throws IOException {
        String body = "404 page not found";
        try (CannedAnswerServer server = new CannedAnswerServer("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body, false);
             SmartApiHttpClient client = clientOf(server)) {
            assertThatThrownBy(() -> client.profile(SandboxFixture.credentials(), AccessToken.withoutExpiry("a.b.c")))
                    .isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("HTTP 404")
                    .hasMessageContaining("check the base URL");
        }
    }

    interface Candles {
        @RequestLine("GET /candles")
        String candles();
    }

    @Test
    void aLargePlatformAnswerPassesTheRenewingClientUntouched() throws IOException {
        String big = "x".repeat(200_000);
        StringBuilder chunked = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < big.length(); i += 10_000) {
            chunked.append(Integer.toHexString(10_000)).append("\r\n").append(big, i, i + 10_000).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        CoreFixture core = new CoreFixture();
        AccountTokens tokens = core.core().forAccount(CoreFixture.ACCOUNT);
        try (CannedAnswerServer server = new CannedAnswerServer(chunked.toString(), false)) {
            Candles candles = Feign.builder()
                    .client(new TokenRenewingClient(new feign.Client.Default(null, null), tokens, report -> false))
                    .target(Candles.class, server.base().toString());

            assertThat(candles.candles()).hasSize(200_000);
        }
    }

    @Test
    void aRefusedRequestWithAnEmptyBearerIsPassedBackNotReported() throws IOException {
        String body = "{\"success\":false,\"message\":\"Token missing\",\"errorCode\":\"AG8003\",\"data\":\"\"}";
        boolean[] reported = {false};
        AccountTokens tokens = new AccountTokens() {
            @Override
            public ClientCode account() {
                return CoreFixture.ACCOUNT;
            }

            @Override
            public AccessToken accessToken() {
                return AccessToken.withoutExpiry("a.b.c");
            }

            @Override
            public Session validSession() {
                throw new UnsupportedOperationException();
            }
        };
        try (CannedAnswerServer server = new CannedAnswerServer(JSON_HEAD + "Content-Length: " + body.length() + "\r\n\r\n" + body, false)) {
            Candles candles = Feign.builder()
                    .requestInterceptor(template -> template.header("Authorization", "Bearer "))
                    .client(new TokenRenewingClient(new feign.Client.Default(null, null), tokens, report -> reported[0] = true))
                    .target(Candles.class, server.base().toString());

            assertThat(candles.candles()).contains("AG8003");
            assertThat(reported[0]).isFalse();
        }
    }
}
