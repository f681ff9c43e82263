package io.github.smartapiauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control API driven by a plain HTTP client, as a Python or JavaScript suite would: the
 * sandbox is only built with the control API on, everything else goes over HTTP.
 */
class ControlApiTest {

    private static final SandboxAccount DEMO = SandboxAccount.demo();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private URI base;
    private SandboxHttp http;

    private void start(boolean control) {
        sandbox = SmartApiSandbox.builder().clock(clock).controlApi(control).build();
        base = sandbox.start();
        http = new SandboxHttp(base, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theControlApiIsOffUnlessAskedFor() throws Exception {
        start(false);

        assertThat(call("GET", "counters", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "reset", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void faultsInjectedOverHttpAnswerTheNextCallsOfTheirRoute() throws Exception {
        start(true);

        JsonNode pending = json(call("POST", "faults", "{\"route\":\"LOGIN\",\"fault\":\"HTTP_500\",\"times\":2}"));
        assertThat(pending.get("pending").get("LOGIN").asInt()).isEqualTo(2);
        json(call("POST", "faults", "{\"faults\":[{\"route\":\"getProfile\",\"fault\":\"transient_error\"}]}"));

        assertThat(http.login(DEMO).status()).isEqualTo(500);
        assertThat(http.login(DEMO).status()).isEqualTo(500);
        clock.advance(Duration.ofSeconds(30));
        SandboxHttp.Tokens tokens = http.loggedIn(DEMO);
        assertThat(http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AB1004");
        assertThat(json(call("GET", "faults", null)).get("pending").size()).isZero();
        json(call("POST", "faults", "{\"route\":\"LOGOUT\",\"fault\":\"DELAY\",\"times\":3}"));
        assertThat(json(call("DELETE", "faults", null)).get("pending").size()).as("cleared").isZero();
    }

    @Test
    void theClockIsSetAndAdvancedOverHttpAndTokensExpireByIt() throws Exception {
        start(true);
        SandboxHttp.Tokens tokens = http.loggedIn(DEMO);

        JsonNode set = json(call("POST", "clock", "{\"set\":\"2025-01-06T18:29:00Z\"}"));
        assertThat(set.get("now").asText()).isEqualTo("2025-01-06T18:29:00Z");
        assertThat(http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt()).json().get("status").asBoolean()).isTrue();

        JsonNode advanced = json(call("POST", "clock", "{\"advance\":\"PT1M\"}"));
        assertThat(advanced.get("now").asText()).isEqualTo("2025-01-06T18:30:00Z");
        assertThat(http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8002");
        assertThat(json(call("POST", "clock", "{\"advanceSeconds\":30}")).get("now").asText())
                .isEqualTo("2025-01-06T18:30:30Z");
        assertThat(json(call("GET", "clock", null)).get("rate").asDouble()).isZero();
    }

    @Test
    void revokingOverHttpEndsTheAccountsSessionsAsAServerSideLogout() throws Exception {
        start(true);
        SandboxHttp.Tokens tokens = http.loggedIn(DEMO);

        JsonNode revoked = json(call("POST", "revoke", "{\"clientCode\":\"DEMO001\"}"));

        assertThat(revoked.get("revoked").asInt()).isEqualTo(1);
        assertThat(http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8001");
        assertThat(http.refresh(DEMO, tokens).errorCode()).isEqualTo("AB8050");
    }

    @Test
    void countersAndTheRequestLogAreReadOverHttpWithSecretsMasked() throws Exception {
        start(true);
        SandboxHttp.Tokens tokens = http.loggedIn(DEMO);
        http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt());
        http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt());

        JsonNode counters = json(call("GET", "counters", null));
        assertThat(counters.get("calls").get("LOGIN").asLong()).isEqualTo(1);
        assertThat(counters.get("calls").get("GET_PROFILE").asLong()).isEqualTo(2);
        assertThat(counters.get("openSessions").asInt()).isEqualTo(1);

        HttpResponse<String> log = call("GET", "requests?route=LOGIN&limit=10", null);
        JsonNode login = json(log).get("requests").get(0);
        assertThat(login.get("route").asText()).isEqualTo("LOGIN");
        assertThat(login.get("body").asText()).contains("\"clientcode\":\"DEMO001\"", "\"password\":\"****\"");
        assertThat(login.get("headers").get("X-PrivateKey").asText()).isEqualTo("****");
        assertThat(log.body()).doesNotContain(DEMO.apiKey(), tokens.jwt(), http.totp(DEMO, 0), "eyJ")
                .doesNotContainPattern("\\b" + DEMO.mpin() + "\\b");
        assertThat(json(call("GET", "requests?limit=1", null)).get("requests")).hasSize(1);
    }

    @Test
    void resetForgetsFaultsCountersRequestsAndSessions() throws Exception {
        start(true);
        SandboxHttp.Tokens tokens = http.loggedIn(DEMO);
        json(call("POST", "faults", "{\"route\":\"LOGIN\",\"fault\":\"HTTP_500\"}"));

        assertThat(json(call("POST", "reset", null)).get("reset").asBoolean()).isTrue();

        JsonNode counters = json(call("GET", "counters", null));
        assertThat(counters.get("calls").get("LOGIN").asLong()).isZero();
        assertThat(counters.get("openSessions").asInt()).isZero();
        assertThat(json(call("GET", "requests", null)).get("requests")).isEmpty();
        assertThat(json(call("GET", "faults", null)).get("pending").size()).isZero();
        assertThat(http.get(Route.GET_PROFILE, DEMO.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8001");
    }

    @Test
    void badControlCallsAreAnsweredWithAJsonError() throws Exception {
        start(true);

        HttpResponse<String> garbage = call("POST", "faults", "{\"route\":\"LOGIN\"} trailing");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).get("error").asText()).isNotBlank();
        assertThat(call("POST", "faults", "{\"route\":\"NOPE\",\"fault\":\"HTTP_500\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "faults", "{\"route\":\"LOGIN\",\"fault\":\"NOPE\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "clock", "{\"set\":\"yesterday\"}").statusCode()).isEqualTo(400);
        assertThat(call("GET", "nothing-here", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "reset", null).statusCode()).isEqualTo(405);
        assertThat(sandbox.calls(Route.LOGIN)).as("control calls are not SmartAPI calls").isZero();
    }

    private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/__sandbox/" + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return mapper.readTree(response.body());
    }
}
