package io.github.smartapiauth.sandbox;

import static io.github.smartapiauth.sandbox.TestAccounts.ALPHA;
import static io.github.smartapiauth.sandbox.TestAccounts.MIDNIGHT_IST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smartapiauth.sandbox.SandboxHttp.Response;
import io.github.smartapiauth.sandbox.SandboxHttp.Tokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

    private final SandboxClock clock = SandboxClock.at(TestAccounts.MORNING);
    private SmartApiSandbox sandbox;
    private SandboxHttp http;

    private void start(SmartApiSandbox.Builder builder) {
        sandbox = builder.account(ALPHA).clock(clock).rateLimits(false).build();
        http = new SandboxHttp(sandbox.start(), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void tokensAreHs512JwtsShapedLikeSmartApis() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);

        for (String token : new String[] {tokens.jwt(), tokens.refresh(), tokens.feed()}) {
            assertThat(http.decodeHeader(token).get("alg").asText()).isEqualTo("HS512");
            JsonNode claims = http.decodeClaims(token);
            assertThat(claims.get("username").asText()).isEqualTo("A100001");
            assertThat(claims.has("roles")).isTrue();
            assertThat(claims.get("usertype").asText()).isEqualTo("USER");
            assertThat(claims.get("iat").asLong()).isEqualTo(TestAccounts.MORNING.getEpochSecond());
            assertThat(claims.get("exp").asLong()).as("next midnight IST").isEqualTo(MIDNIGHT_IST.getEpochSecond());
        }
        assertThat(tokens.jwt()).isNotEqualTo(tokens.refresh()).isNotEqualTo(tokens.feed());
    }

    @Test
    void aConfiguredLifetimeReplacesMidnight() {
        start(SmartApiSandbox.builder().tokenLifetime(Duration.ofMinutes(10)));
        Tokens tokens = http.loggedIn(ALPHA);

        assertThat(http.decodeClaims(tokens.jwt()).get("exp").asLong())
                .isEqualTo(TestAccounts.MORNING.plusSeconds(600).getEpochSecond());
        clock.advance(Duration.ofMinutes(10));
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8002");
    }

    @Test
    void withoutRotationAShortTokenLifetimeStillLetsTheLoginsRefreshTokenRefreshUntilMidnightIst() {
        start(SmartApiSandbox.builder().tokenLifetime(Duration.ofMinutes(20)));
        Tokens login = http.loggedIn(ALPHA);

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), login.jwt()).errorCode()).isEqualTo("AG8002");
            Tokens renewed = Tokens.of(http.refresh(ALPHA, login));
            assertThat(renewed.refresh()).isEqualTo(login.refresh());
            assertThat(http.decodeClaims(renewed.jwt()).get("exp").asLong())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)).getEpochSecond());
        }
        assertThat(http.decodeClaims(login.refresh()).get("exp").asLong()).isEqualTo(MIDNIGHT_IST.getEpochSecond());
        clock.set(MIDNIGHT_IST);
        assertThat(http.refresh(ALPHA, login).errorCode()).isEqualTo("AB8051");
    }

    /**
     * Pins what TradingDaySoakTest relies on (issue 16): without rotation, each refresh made with the
     * login's refresh token gives an access token living the whole configured lifetime from the refresh,
     * not bounded by the login's tokens, and that token is accepted at once and until its own expiry.
     */
    @Test
    void withoutRotationARefreshedAccessTokenLivesTheConfiguredLifetimeAndIsAcceptedAtOnce() {
        Duration lifetime = Duration.ofMinutes(60);
        start(SmartApiSandbox.builder().tokenLifetime(lifetime));
        Tokens login = http.loggedIn(ALPHA);

        for (int refresh = 1; refresh <= 3; refresh++) {
            clock.advance(Duration.ofMinutes(55));
            Instant refreshedAt = clock.instant();
            Tokens renewed = Tokens.of(http.refresh(ALPHA, login));

            assertThat(renewed.refresh()).as("refresh %d keeps the login's refresh token", refresh)
                    .isEqualTo(login.refresh());
            assertThat(http.decodeClaims(renewed.jwt()).get("exp").asLong()).as("refresh %d", refresh)
                    .isEqualTo(refreshedAt.plus(lifetime).getEpochSecond());
            assertThat(http.get(Route.GET_RMS, ALPHA.apiKey(), renewed.jwt()).json().get("status").asBoolean())
                    .as("the token just issued by refresh %d, at once", refresh).isTrue();
            clock.set(refreshedAt.plus(lifetime).minusSeconds(1));
            assertThat(http.get(Route.GET_RMS, ALPHA.apiKey(), renewed.jwt()).json().get("status").asBoolean())
                    .as("the token of refresh %d, a second before its expiry", refresh).isTrue();
            clock.set(refreshedAt.plus(lifetime));
            assertThat(http.get(Route.GET_RMS, ALPHA.apiKey(), renewed.jwt()).errorCode())
                    .as("the token of refresh %d, at its expiry", refresh).isEqualTo("AG8002");
            clock.set(refreshedAt);
        }
    }

    @Test
    void withRotationRefreshRotatesTheRefreshTokenAndInvalidatesTheOldOne() {
        start(SmartApiSandbox.builder().rotateRefreshTokens(true));
        Tokens first = http.loggedIn(ALPHA);
        clock.advance(Duration.ofMinutes(5));

        Response refreshed = http.refresh(ALPHA, first);
        JsonNode json = refreshed.json();
        assertThat(json.get("status").asBoolean()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("SUCCESS");
        assertThat(json.get("data").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("jwtToken", "refreshToken", "feedToken");
        Tokens second = Tokens.of(refreshed);
        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        assertThat(second.jwt()).isNotEqualTo(first.jwt());
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), second.jwt()).json().get("status").asBoolean()).isTrue();

        assertThat(http.refresh(ALPHA, first).errorCode()).as("the old refresh token").isEqualTo("AB8050");
        assertThat(http.refresh(ALPHA, second).json().get("status").asBoolean()).isTrue();
    }

    @Test
    void revokingEndsEverySessionOfTheAccountOnTheServersSide() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);

        assertThat(sandbox.revokeSessions(ALPHA.clientCode())).isEqualTo(1);

        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8001");
        assertThat(http.refresh(ALPHA, tokens).errorCode()).isEqualTo("AB8050");
        assertThat(sandbox.revokeSessions(ALPHA.clientCode())).as("nothing left to revoke").isZero();
    }

    @Test
    void byDefaultTheLoginsRefreshTokenReusedAsTheOfficialSdksDoServesASecondAndThirdRefresh() {
        start(SmartApiSandbox.builder());
        Tokens login = http.loggedIn(ALPHA);

        for (int refresh = 1; refresh <= 3; refresh++) {
            clock.advance(Duration.ofMinutes(5));
            Response response = sdkRefresh(login);
            assertThat(response.json().get("status").asBoolean()).as("refresh %d", refresh).isTrue();
            Tokens renewed = Tokens.of(response);
            assertThat(renewed.refresh()).isEqualTo(login.refresh());
            assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), renewed.jwt()).json().get("status").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void withRotationTheLoginsRefreshTokenReusedAsTheOfficialSdksDoFailsOnTheSecondRefresh() {
        start(SmartApiSandbox.builder().rotateRefreshTokens(true));
        Tokens login = http.loggedIn(ALPHA);

        assertThat(sdkRefresh(login).json().get("status").asBoolean()).isTrue();
        Response second = sdkRefresh(login);

        assertThat(second.errorCode()).isEqualTo("AB8050");
        assertThat(second.json().get("message").asText()).isEqualTo("Invalid Refresh Token");
    }

    /** generateTokens as the official SDKs send it: Bearer header, the login's refresh token, extra fields. */
    private Response sdkRefresh(Tokens login) {
        return http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), login.jwt(),
                "{\"refreshToken\":\"" + login.refresh() + "\",\"jwtToken\":\"" + login.jwt() + "\",\"checksum\":\"x\"}");
    }

    @Test
    void withoutRotationTheSameRefreshTokenKeepsWorking() {
        start(SmartApiSandbox.builder().rotateRefreshTokens(false));
        Tokens first = http.loggedIn(ALPHA);

        Tokens second = Tokens.of(http.refresh(ALPHA, first));
        Tokens third = Tokens.of(http.refresh(ALPHA, first));

        assertThat(second.refresh()).isEqualTo(first.refresh());
        assertThat(third.refresh()).isEqualTo(first.refresh());
    }

    @Test
    void refreshWorksWithoutABearerHeaderAndIgnoresExtraFields() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);

        Response response = http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), null,
                "{\"refreshToken\":\"" + tokens.refresh() + "\",\"checksum\":\"x\",\"jwtToken\":\"y\"}");

        assertThat(response.json().get("status").asBoolean()).isTrue();
    }

    @Test
    void garbageMissingOrForeignRefreshTokensGetAb8050() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);

        assertThat(http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), tokens.jwt(), "{\"refreshToken\":\"abc\"}").errorCode())
                .isEqualTo("AB8050");
        assertThat(http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), tokens.jwt(), "{}").errorCode()).isEqualTo("AB8050");
        Response accessAsRefresh = http.post(Route.GENERATE_TOKENS, ALPHA.apiKey(), tokens.jwt(),
                "{\"refreshToken\":\"" + tokens.jwt() + "\"}");
        assertThat(accessAsRefresh.errorCode()).isEqualTo("AB8050");
        JsonNode json = accessAsRefresh.json();
        assertThat(json.get("status").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).isEqualTo("Invalid Refresh Token");
        assertThat(json.get("data").isNull()).isTrue();
    }

    @Test
    void tokensOfAnotherSandboxAreInvalid() {
        start(SmartApiSandbox.builder());
        Tokens foreign;
        try (SmartApiSandbox other = SmartApiSandbox.builder().account(ALPHA).clock(clock).build()) {
            foreign = new SandboxHttp(other.start(), clock).loggedIn(ALPHA);
        }
        clock.advance(Duration.ofSeconds(30));

        assertThat(http.refresh(ALPHA, foreign).errorCode()).isEqualTo("AB8050");
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), foreign.jwt()).errorCode()).isEqualTo("AG8001");
    }

    @Test
    void atMidnightIstTheAccessTokenExpiresAndRefreshFailsWithAb8051() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);

        clock.set(MIDNIGHT_IST.minusSeconds(1));
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt()).json().get("status").asBoolean()).isTrue();

        clock.set(MIDNIGHT_IST);
        Response expired = http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt());
        assertThat(expired.errorCode()).isEqualTo("AG8002");
        assertThat(expired.json().get("message").asText()).isEqualTo("Token Expired");
        assertThat(expired.json().get("success").asBoolean()).isFalse();
        assertThat(http.refresh(ALPHA, tokens).errorCode()).isEqualTo("AB8051");
        assertThat(http.refresh(ALPHA, tokens).json().get("message").asText()).isEqualTo("Refresh Token Expired");
    }

    @Test
    void aRefreshJustBeforeMidnightStillExpiresAtMidnight() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);
        clock.set(MIDNIGHT_IST.minusSeconds(60));

        Tokens refreshed = Tokens.of(http.refresh(ALPHA, tokens));

        assertThat(http.decodeClaims(refreshed.jwt()).get("exp").asLong()).isEqualTo(MIDNIGHT_IST.getEpochSecond());
        clock.set(MIDNIGHT_IST.plusSeconds(1));
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), refreshed.jwt()).errorCode()).isEqualTo("AG8002");
    }

    @Test
    void logoutInvalidatesTheSession() {
        start(SmartApiSandbox.builder());
        Tokens tokens = http.loggedIn(ALPHA);

        Response logout = http.post(Route.LOGOUT, ALPHA.apiKey(), tokens.jwt(), "{\"clientcode\":\"A100001\"}");

        JsonNode json = logout.json();
        assertThat(json.get("status").asBoolean()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("SUCCESS");
        assertThat(json.get("errorcode").asText()).isEmpty();
        assertThat(json.has("data")).isTrue();
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8001");
        assertThat(http.get(Route.GET_RMS, ALPHA.apiKey(), tokens.jwt()).errorCode()).isEqualTo("AG8001");
        assertThat(http.refresh(ALPHA, tokens).errorCode()).isEqualTo("AB8050");
        assertThat(http.post(Route.LOGOUT, ALPHA.apiKey(), tokens.jwt(), "{}").errorCode()).isEqualTo("AG8001");
    }

    @Test
    void logoutAcceptsAnEmptyObjectAndEndsOnlyItsOwnSession() {
        start(SmartApiSandbox.builder());
        Tokens first = http.loggedIn(ALPHA);
        clock.advance(Duration.ofSeconds(30));
        Tokens second = http.loggedIn(ALPHA);

        assertThat(http.post(Route.LOGOUT, ALPHA.apiKey(), first.jwt(), "{}").json().get("status").asBoolean()).isTrue();

        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), first.jwt()).errorCode()).isEqualTo("AG8001");
        assertThat(http.get(Route.GET_PROFILE, ALPHA.apiKey(), second.jwt()).json().get("status").asBoolean()).isTrue();
    }
}
