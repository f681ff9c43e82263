package io.github.smartapiauth.sandbox;

import java.time.Duration;

/**
 * What one connection may cost the sandbox: the size of a request head and body, the time to
 * send a whole request, how long an idle keep-alive connection is kept, and how many connections
 * are served at once (one thread each; a connection beyond the limit is closed at once).
 */
record HttpLimits(int maxHeadBytes, int maxBodyBytes, Duration requestTimeout, Duration idleTimeout,
                  int maxConnections) {

    static final int DEFAULT_MAX_HEAD_BYTES = 16 * 1024;
    static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_CONNECTIONS = 2048;

    HttpLimits {
        if (maxHeadBytes < 256 || maxBodyBytes < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("limits must be positive (a head at least 256 bytes)");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
