package io.github.smartapiauth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final String JWT = "eyJhbGciOiJIUzUxMiJ9.eyJ1c2VybmFtZSI6IkExIn0.c2lnbmF0dXJl";

    @Test
    void anAccessTokenCarriesItsExpiryButPrintsNoValue() {
        AccessToken token = AccessToken.of(JWT, Instant.parse("2026-11-24T18:30:00Z"));
        assertThat(token.value()).isEqualTo(JWT);
        assertThat(token.expiresAt()).contains(Instant.parse("2026-11-24T18:30:00Z"));
        assertThat(token).hasToString("AccessToken[redacted, expiresAt=2026-11-24T18:30:00Z]");
        assertThat(AccessToken.withoutExpiry(JWT).expiresAt()).isEmpty();
    }

    @Test
    void tokensCompareByValueAndKind() {
        assertThat(RefreshToken.of(JWT)).isEqualTo(RefreshToken.of(JWT)).isNotEqualTo(FeedToken.of(JWT));
        assertThat(AccessToken.withoutExpiry(JWT).sameValueAs(AccessToken.of(JWT, Instant.EPOCH))).isTrue();
        assertThat(AccessToken.withoutExpiry(JWT).sameValueAs(AccessToken.withoutExpiry(JWT + "x"))).isFalse();
    }

    @Test
    void aBearerPrefixIsRefusedWithAHint() {
        assertThatThrownBy(() -> AccessToken.withoutExpiry("Bearer " + JWT))
                .hasMessage("the access token has a whitespace character at position 7; pass the token without the"
                        + " 'Bearer ' prefix");
    }

    @Test
    void emptyAndOversizedTokensAreRefused() {
        assertThatThrownBy(() -> RefreshToken.of("")).hasMessageContaining("the refresh token is missing or empty");
        assertThatThrownBy(() -> FeedToken.of("a".repeat(16 * 1024 + 1))).hasMessageContaining("16385 characters long");
    }

    @Test
    void aWipedTokenCannotBeReadNorMatched() {
        AccessToken token = AccessToken.withoutExpiry(JWT);
        token.wipe();
        assertThatThrownBy(token::value).hasMessage("AccessToken was wiped and can no longer be read");
        assertThat(token.sameValueAs(AccessToken.withoutExpiry(JWT))).isFalse();
    }

    @Test
    void aTokenSetPrintsNoTokenAndWipesAllThree() {
        TokenSet set = new TokenSet(AccessToken.withoutExpiry(JWT), RefreshToken.of(JWT + "r"), FeedToken.of(JWT + "f"));
        assertThat(set.toString()).doesNotContain(JWT.substring(10));
        set.wipe();
        assertThat(set.accessToken().isWiped() && set.refreshToken().isWiped() && set.feedToken().isWiped()).isTrue();
    }
}
