package io.github.smartapiauth.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies the sandbox's HS512 JWTs, shaped like SmartAPI's: {@code username},
 * {@code roles}, {@code usertype}, {@code iat}, {@code exp}, plus the session and token ids
 * the sandbox needs to revoke them.
 */
final class TokenSigner {

    private static final String ISSUER = "smartapi-sandbox";
    private static final String KIND = "token";
    private static final String SESSION = "sid";

    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final MACSigner signer;
    private final JWSVerifier verifier;
    // A token string verifies the same way every time; caching skips HMAC and JSON parsing
    // on the hot path (about 10 µs of a getProfile call). Expiry and revocation are checked by callers on every call.
    private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();

    TokenSigner(SecureRandom random) {
        byte[] secret = new byte[64]; // HS512 needs a 512-bit key
        random.nextBytes(secret);
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot set up HS512 signing", e);
        }
    }

    TokenIssued sign(TokenKind kind, String clientCode, String sessionId, Instant issuedAt, Instant expiresAt) {
        String tokenId = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(clientCode)
                .claim("username", clientCode)
                .claim("roles", 0)
                .claim("usertype", "USER")
                .claim(KIND, kind.claim())
                .claim(SESSION, sessionId)
                .issuer(ISSUER)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(tokenId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new TokenIssued(jwt.serialize(), tokenId);
    }

    /** The claims of a token this sandbox signed, or empty for anything else (garbage, foreign, tampered). */
    Optional<TokenClaims> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        TokenClaims known = verified.get(token);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TokenClaims> claims = parseAndVerify(token);
        if (claims.isPresent()) {
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(token, claims.get());
        }
        return claims;
    }

    private Optional<TokenClaims> parseAndVerify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS512.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            TokenKind kind = TokenKind.fromClaim(claims.getStringClaim(KIND));
            String clientCode = claims.getStringClaim("username");
            String sessionId = claims.getStringClaim(SESSION);
            Date expiry = claims.getExpirationTime();
            if (kind == null || clientCode == null || sessionId == null || expiry == null || claims.getJWTID() == null) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(kind, clientCode, sessionId, claims.getJWTID(), expiry.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
