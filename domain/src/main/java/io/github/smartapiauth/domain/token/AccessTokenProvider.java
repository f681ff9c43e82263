package io.github.smartapiauth.domain.token;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A valid SmartAPI access token whenever asked: the one type a platform's code needs to depend on.
 * The library's account handles implement it (renewing as needed, one renewal however many threads
 * ask); {@link #fixed(AccessToken)} is the stand-in for a platform's own tests.
 *
 * <pre>{@code
 * class OrderClient {
 *     OrderClient(AccessTokenProvider tokens) { ... }          // production: auth.account("A1234567")
 * }
 * new OrderClient(AccessTokenProvider.fixed(AccessToken.withoutExpiry("test-token")));   // a test
 * }</pre>
 */
@FunctionalInterface
public interface AccessTokenProvider {

    /**
     * A valid access token; blocks while a renewal it needs runs (at most the renewal deadline).
     *
     * @throws io.github.smartapiauth.domain.error.SmartApiAuthException when no valid token can be had
     */
    AccessToken accessToken();

    /**
     * The same, without blocking the calling thread: completes with the valid token or the declared
     * error. The library's handles complete it at once, on the calling thread, while the session is
     * FRESH; this default calls {@link #accessToken()} on the calling thread.
     */
    default CompletableFuture<AccessToken> accessTokenAsync() {
        try {
            return CompletableFuture.completedFuture(accessToken());
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** Always {@code token}, never renewed: for a platform's tests. */
    static AccessTokenProvider fixed(AccessToken token) {
        Objects.requireNonNull(token, "token is required");
        return () -> token;
    }
}
