package io.github.smartapiauth.sandbox;

import static io.github.smartapiauth.sandbox.TestAccounts.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smartapiauth.sandbox.SandboxHttp.Response;
import io.github.smartapiauth.sandbox.SandboxHttp.Tokens;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecureRoutesTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;
    private Tokens tokens;

    @BeforeEach
    void start() {
        sandbox = SmartApiSandbox.builder().account(ALPHA).clock(clock).rateLimits(false).build();
        http = new SandboxHttp(sandbox.start(), clock);
        tokens = http.loggedIn(ALPHA);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void profileAnswersTheProfileFields() {
        Response response = http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt());

        JsonNode json = response.json();
        assertThat(json.get("status").asBoolean()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("SUCCESS");
        assertThat(json.get("errorcode").asText()).isEmpty();
        JsonNode data = json.get("data");
        assertThat(data.get("clientcode").asText()).isEqualTo("A100001");
        assertThat(data.get("name").asText()).isEqualTo("Alpha Trader");
        assertThat(data.get("email").asText()).isEqualTo("alpha@example.com");
        assertThat(data.get("mobileno").asText()).isEqualTo("9999900001");
        assertThat(data.get("exchanges")).extracting(JsonNode::asText).containsExactly("NSE", "BSE");
        assertThat(data.get("products")).extracting(JsonNode::asText).containsExactly("CNC", "MIS");
        assertThat(data.get("lastlogintime").asText()).isEqualTo("2025-01-06 09:30:00");
        assertThat(data.get("brokerid").asText()).isEqualTo("B2C");
        assertThat(data.get("broker").asText()).as("the older name, read by the Java SDK's getBrokerName()")
                .isEqualTo("B2C");
    }

    @Test
    void fundsAnswerTheRmsFields() {
        JsonNode data = http.get(Route.GET_RMS, ALPHA.apiKey(), tokens.jwt()).json().get("data");

        assertThat(data.get("net").asText()).isEqualTo("100000.0000");
        assertThat(data.get("availablecash").asText()).isEqualTo("100000.0000");
        assertThat(data.has("utiliseddebits")).isTrue();
        assertThat(data.has("m2munrealized")).isTrue();
    }

    @Test
    void getAcceptsAQueryStringAndABody() {
        HttpRequest request = http.request(Route.GET_PROFILE, ALPHA.apiKey())
                .uri(URI.create(sandbox.baseUri() + Route.GET_PROFILE.path() + "?refreshToken=x&foo=bar"))
                .header("Authorization", "Bearer " + tokens.jwt())
                .method("GET", HttpRequest.BodyPublishers.ofString("{\"clientcode\":\"A100001\"}"))
                .build();

        Response response = http.send(request);

        assertThat(response.json().get("status").asBoolean()).isTrue();
        assertThat(sandbox.requests(Route.GET_PROFILE).get(0).query()).isEqualTo("refreshToken=x&foo=bar");
    }

    @ParameterizedTest
    @EnumSource(value = Route.class, names = {"GET_PROFILE", "GET_RMS", "LOGOUT"})
    void aMissingTokenGetsAg8003(Route route) {
        Response response = call(route, null);

        JsonNode json = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).isEqualTo("Token missing");
        assertThat(json.get("errorCode").asText()).isEqualTo("AG8003");
        assertThat(json.get("data").asText()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Route.class, names = {"GET_PROFILE", "GET_RMS", "LOGOUT"})
    void aGarbageTokenGetsAg8001(Route route) {
        Response response = call(route, "not.a.token");

        assertThat(response.errorCode()).isEqualTo("AG8001");
        assertThat(response.json().get("message").asText()).isEqualTo("Invalid Token");
    }

    @Test
    void theDoubleBearerBugAndNonAccessTokensGetAg8001() {
        assertThat(call(Route.GET_PROFILE, "Bearer " + tokens.jwt()).errorCode()).isEqualTo("AG8001");
        assertThat(call(Route.GET_PROFILE, tokens.refresh()).errorCode()).isEqualTo("AG8001");
        assertThat(call(Route.GET_PROFILE, tokens.feed()).errorCode()).isEqualTo("AG8001");
        String tampered = tokens.jwt().substring(0, tokens.jwt().length() - 4) + "AAAA";
        assertThat(call(Route.GET_PROFILE, tampered).errorCode()).isEqualTo("AG8001");
    }

    @Test
    void anAuthorizationHeaderWithoutBearerGetsAg8001() {
        Response response = http.send(http.request(Route.GET_PROFILE, ALPHA.apiKey())
                .header("Authorization", tokens.jwt()).GET().build());

        assertThat(response.errorCode()).isEqualTo("AG8001");
    }

    @Test
    void secureRoutesCheckTheApiKeyAndUserTypeToo() {
        assertThat(http.get(Route.GET_PROFILE, "wrong-key", tokens.jwt()).errorCode()).isEqualTo("AG8004");
        Response wrongType = http.send(http.request(Route.GET_RMS, ALPHA.apiKey()).setHeader("X-UserType", "x")
                .header("Authorization", "Bearer " + tokens.jwt()).GET().build());
        assertThat(wrongType.errorCode()).isEqualTo("AB1005");
    }

    @Test
    void unknownPathsGet404AndWrongMethods405() {
        Response unknown = http.send(http.request(Route.GET_PROFILE, ALPHA.apiKey())
                .uri(sandbox.baseUri().resolve("/rest/secure/angelbroking/order/v1/getOrderBook")).GET().build());
        Response wrongMethod = http.send(http.request(Route.LOGIN, ALPHA.apiKey()).GET().build());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    private Response call(Route route, String bearer) {
        return "GET".equals(route.method())
                ? http.get(route, ALPHA.apiKey(), bearer)
                : http.post(route, ALPHA.apiKey(), bearer, "{}");
    }
}
