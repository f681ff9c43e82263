package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static io.github.smartapiauth.adapter.http.SandboxFixture.MIDNIGHT_IST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.sandbox.CapturedRequest;
import io.github.smartapiauth.sandbox.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole session life against the sandbox over loopback HTTP, with the exact wire of each call. */
class SmartApiHttpClientTest {

    private final SandboxFixture fixture = new SandboxFixture();
    private final SmartApiHttpClient client = fixture.client;
    private final Credentials account = SandboxFixture.credentials();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void logsInWithTheMpinAndTotpAndReadsTheExpiryFromTheToken() {
        String code = ACCOUNT.totpAt(fixture.clock.instant());

        TokenSet tokens = client.login(SandboxFixture.credentials(), fixture.currentCode());

        assertThat(tokens.accessToken().expiresAt()).contains(MIDNIGHT_IST);
        CapturedRequest sent = only(Route.LOGIN);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/rest/auth/angelbroking/user/v1/loginByPassword");
        assertThat(sent.query()).isEmpty();
        assertThat(headersOf(sent)).containsOnly(standardHeadersAnd(entry("X-PrivateKey", ACCOUNT.apiKey())));
        assertThat(sent.body()).isEqualTo("{\"clientcode\":\"T1234567\",\"password\":\"9173\",\"totp\":\"" + code + "\"}");
    }

    @Test
    void refreshesWithTheRefreshTokenAndTheCurrentBearerToken() {
        TokenSet first = client.login(SandboxFixture.credentials(), fixture.currentCode());

        TokenSet second = client.refresh(account, first);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        CapturedRequest sent = only(Route.GENERATE_TOKENS);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/rest/auth/angelbroking/jwt/v1/generateTokens");
        assertThat(headersOf(sent)).containsOnly(standardHeadersAnd(entry("X-PrivateKey", ACCOUNT.apiKey()),
                entry("Authorization", "Bearer " + first.accessToken().value())));
        assertThat(sent.body()).isEqualTo("{\"refreshToken\":\"" + first.refreshToken().value() + "\"}");
    }

    @Test
    void fetchesTheProfileWithAGetWithoutBody() {
        TokenSet tokens = client.login(SandboxFixture.credentials(), fixture.currentCode());

        Profile profile = client.profile(account, tokens.accessToken());

        assertThat(profile.clientCode()).isEqualTo(ClientCode.of(ACCOUNT.clientCode()));
        assertThat(profile.exchanges()).isNotEmpty();
        CapturedRequest sent = only(Route.GET_PROFILE);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/rest/secure/angelbroking/user/v1/getProfile");
        assertThat(headersOf(sent)).containsOnly(standardHeadersAnd(entry("X-PrivateKey", ACCOUNT.apiKey()),
                entry("Authorization", "Bearer " + tokens.accessToken().value())));
        assertThat(sent.body()).isEmpty();
    }

    @Test
    void logsOutWithTheClientCodeAndTheTokenStopsWorking() {
        TokenSet tokens = client.login(SandboxFixture.credentials(), fixture.currentCode());

        client.logout(account, tokens.accessToken());

        CapturedRequest sent = only(Route.LOGOUT);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/rest/secure/angelbroking/user/v1/logout");
        assertThat(headersOf(sent)).containsOnly(standardHeadersAnd(entry("X-PrivateKey", ACCOUNT.apiKey()),
                entry("Authorization", "Bearer " + tokens.accessToken().value())));
        assertThat(sent.body()).isEqualTo("{\"clientcode\":\"T1234567\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.profile(account, tokens.accessToken()))
                .isInstanceOf(io.github.smartapiauth.domain.error.SessionExpiredException.class);
    }

    @Test
    void buildingTheClientSendsNothing() {
        new SmartApiHttpClient(fixture.settings()).close();

        assertThat(fixture.sandbox.requests()).isEmpty();
    }

    private CapturedRequest only(Route route) {
        List<CapturedRequest> sent = fixture.sandbox.requests(route);
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    /** The headers our client chose to send, without the ones the JDK's HTTP client adds on its own. */
    private static Map<String, String> headersOf(CapturedRequest request) {
        Map<String, String> mine = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, values) -> {
            if (!List.of("host", "connection", "content-length", "user-agent", "upgrade", "http2-settings")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                mine.put(name, String.join(",", values));
            }
        });
        return mine;
    }

    @SafeVarargs
    private static Map.Entry<String, String>[] standardHeadersAnd(Map.Entry<String, String>... extra) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(List.of(
                entry("Content-Type", "application/json"),
                entry("Accept", "application/json"),
                entry("X-UserType", "USER"),
                entry("X-SourceID", "WEB"),
                entry("X-ClientLocalIP", "127.0.0.1"),
                entry("X-ClientPublicIP", "127.0.0.1"),
                entry("X-MACAddress", "00:00:00:00:00:00")));
        all.addAll(List.of(extra));
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] array = all.toArray(new Map.Entry[0]);
        return array;
    }
}
