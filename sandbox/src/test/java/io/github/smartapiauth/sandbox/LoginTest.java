package io.github.smartapiauth.sandbox;

import static io.github.smartapiauth.sandbox.TestAccounts.ALPHA;
import static io.github.smartapiauth.sandbox.TestAccounts.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smartapiauth.sandbox.SandboxHttp.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(ALPHA).account(BETA).clock(clock).build();
        http = new SandboxHttp(sandbox.start(), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void answersTheSuccessEnvelopeWithThreeTokens() {
        Response response = http.login(ALPHA);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode json = response.json();
        assertThat(json.get("status").asBoolean()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("SUCCESS");
        assertThat(json.get("errorcode").asText()).isEmpty();
        assertThat(json.get("data").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("jwtToken", "refreshToken", "feedToken");
        assertThat(json.get("data").get("jwtToken").asText()).startsWith("eyJ").doesNotStartWith("Bearer");
    }

    @Test
    void acceptsACharsetExtraFieldsAndEchoesState() {
        String body = "{\"clientcode\":\"A100001\",\"password\":\"4321\",\"totp\":\"" + http.totp(ALPHA, 0)
                + "\",\"state\":\"xyz\",\"checksum\":\"abc\",\"nested\":{\"a\":[1,2]}}";
        Response response = http.send(http.request(Route.LOGIN, ALPHA.apiKey())
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.json().get("status").asBoolean()).isTrue();
        assertThat(response.json().get("data").get("state").asText()).isEqualTo("xyz");
    }

    @Test
    void answers415WithoutAJsonContentType() {
        String body = http.loginBody("A100001", "4321", http.totp(ALPHA, 0));
        Response plain = http.send(http.request(Route.LOGIN, ALPHA.apiKey()).setHeader("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpRequest.Builder missing = HttpRequest.newBuilder(sandbox.baseUri().resolve(Route.LOGIN.path()))
                .header("X-PrivateKey", ALPHA.apiKey()).header("X-UserType", "USER")
                .POST(HttpRequest.BodyPublishers.ofString(body));

        assertThat(plain.status()).isEqualTo(415);
        assertThat(http.send(missing.build()).status()).isEqualTo(415);
    }

    @Test
    void unknownApiKeyGetsAg8004InTheGatewayDialect() {
        Response response = http.post(Route.LOGIN, "no-such-key", null,
                http.loginBody("A100001", "4321", http.totp(ALPHA, 0)));

        JsonNode json = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("errorCode").asText()).isEqualTo("AG8004");
        assertThat(json.get("data").asText()).isEmpty();
        assertThat(json.has("status")).isFalse();
        assertThat(http.post(Route.LOGIN, null, null, "{}").errorCode()).isEqualTo("AG8004");
    }

    @Test
    void missingOrWrongUserTypeGetsAb1005() {
        String body = http.loginBody("A100001", "4321", http.totp(ALPHA, 0));
        Response wrong = http.send(http.request(Route.LOGIN, ALPHA.apiKey()).setHeader("X-UserType", "ADMIN")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        clock.advance(Duration.ofSeconds(1));
        Response missing = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve(Route.LOGIN.path()))
                .header("Content-Type", "application/json").header("X-PrivateKey", ALPHA.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(wrong.errorCode()).isEqualTo("AB1005");
        assertThat(missing.errorCode()).isEqualTo("AB1005");
    }

    @Test
    void unknownClientCodeGetsAb1032InTheApplicationDialect() {
        Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("Z999", "4321", "123456"));

        JsonNode json = response.json();
        assertThat(json.get("status").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).isEqualTo("User Not Found");
        assertThat(json.get("errorcode").asText()).isEqualTo("AB1032");
        assertThat(json.get("data").isNull()).isTrue();
    }

    @Test
    void clientCodeOfAnotherAppsAccountGetsAb1032() {
        Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null,
                http.loginBody(BETA.clientCode(), BETA.mpin(), http.totp(BETA, 0)));

        assertThat(response.errorCode()).isEqualTo("AB1032");
    }

    @Test
    void nonDigitPasswordGetsAb7001() {
        Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null,
                http.loginBody("A100001", "hunter2!", http.totp(ALPHA, 0)));

        assertThat(response.errorCode()).isEqualTo("AB7001");
        assertThat(response.json().get("message").asText())
                .isEqualTo("LoginbyPassword is not allowed. Please switch to Login by MPIN now.");
    }

    @Test
    void wrongMpinGetsAb1007() {
        Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null,
                http.loginBody("A100001", "0000", http.totp(ALPHA, 0)));

        assertThat(response.errorCode()).isEqualTo("AB1007");
        assertThat(response.json().get("message").asText()).as("as captured from the real server")
                .isEqualTo("Login Id or password is invalid");
    }

    @Test
    void wrongTotpGetsAb1050() {
        String wrong = http.totp(ALPHA, 0).equals("000000") ? "000001" : "000000";
        Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", wrong));

        JsonNode json = response.json();
        assertThat(json.get("errorcode").asText()).isEqualTo("AB1050");
        assertThat(json.get("message").asText()).isEqualTo("Invalid totp");
        assertThat(json.get("data").isNull()).isTrue();
    }

    @Test
    void acceptsOneStepOfDriftEitherWay() {
        Response behind = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", http.totp(ALPHA, -1)));
        clock.advance(Duration.ofSeconds(1));
        Response ahead = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", http.totp(ALPHA, 1)));

        assertThat(behind.json().get("status").asBoolean()).isTrue();
        assertThat(ahead.json().get("status").asBoolean()).isTrue();
    }

    @Test
    void rejectsTwoStepsOfDrift() {
        Response behind = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", http.totp(ALPHA, -2)));
        clock.advance(Duration.ofSeconds(1));
        Response ahead = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", http.totp(ALPHA, 2)));

        assertThat(behind.errorCode()).isEqualTo("AB1050");
        assertThat(ahead.errorCode()).isEqualTo("AB1050");
    }

    @Test
    void rejectsAReplayedCodeInTheSameStep() {
        String code = http.totp(ALPHA, 0);
        Response first = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", code));
        clock.advance(Duration.ofSeconds(2));
        Response replay = http.post(Route.LOGIN, ALPHA.apiKey(), null, http.loginBody("A100001", "4321", code));

        assertThat(first.json().get("status").asBoolean()).isTrue();
        assertThat(replay.errorCode()).isEqualTo("AB1050");
    }

    @Test
    void servesSeveralAccountsAtOnce() {
        SandboxHttp.Tokens alpha = http.loggedIn(ALPHA);
        SandboxHttp.Tokens beta = http.loggedIn(BETA);

        assertThat(http.decodeClaims(alpha.jwt()).get("username").asText()).isEqualTo("A100001");
        assertThat(http.decodeClaims(beta.jwt()).get("username").asText()).isEqualTo("B200002");
        assertThat(http.get(Route.GET_PROFILE, BETA.apiKey(), beta.jwt()).json().at("/data/clientcode").asText())
                .isEqualTo("B200002");
        assertThat(http.get(Route.GET_PROFILE, BETA.apiKey(), alpha.jwt()).errorCode())
                .as("one account's token with another app's key").isEqualTo("AG8001");
    }

    @Test
    void acceptsAnUnquotedNumericMpinAndALowerCaseClientCode() {
        String body = "{\"clientcode\":\"a100001\",\"password\":4321,\"totp\":\"" + http.totp(ALPHA, 0) + "\"}";

        assertThat(http.post(Route.LOGIN, ALPHA.apiKey(), null, body).json().get("status").asBoolean()).isTrue();
    }

    @Test
    void answersAnEmptyBody400ToMalformedJson() {
        Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null, "{\"clientcode\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersAnEmptyBody400ToAJsonObjectFollowedByTrailingGarbage() {
        String valid = http.loginBody("A100001", "4321", http.totp(ALPHA, 0));
        for (String trailing : new String[] {" trailing", "}", " {}", ",", " x"}) {
            Response response = http.post(Route.LOGIN, ALPHA.apiKey(), null, valid + trailing);

            assertThat(response.status()).as(trailing).isEqualTo(400);
            assertThat(response.body()).isEmpty();
        }
        assertThat(http.post(Route.LOGIN, ALPHA.apiKey(), null, valid + " \r\n").json().get("status").asBoolean())
                .as("trailing whitespace is fine").isTrue();
    }
}
