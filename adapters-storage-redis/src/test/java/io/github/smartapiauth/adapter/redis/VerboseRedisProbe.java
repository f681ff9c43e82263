package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Run in a child JVM whose every SLF4J logger is at TRACE (slf4j-simple on stderr): connects to
 * the Redis given as the first argument (its password in the URI), saves, loads, takes the lease
 * and closes, so that Lettuce and Netty log everything they log about a connection's life.
 */
public final class VerboseRedisProbe {

    private VerboseRedisProbe() {
    }

    public static void main(String[] args) throws Exception {
        Instant now = SealedValuesTest.NOW;
        ClientCode account = ClientCode.of("P1234567");
        try (RedisSessions sessions = RedisSessions.builder(URI.create(args[0])).key(TestRedis.KEY)
                .commandTimeout(Duration.ofSeconds(5)).clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            TestRedis.save(sessions, SealedValuesTest.session(account, "probe"));
            if (sessions.store().load(account).isEmpty()) {
                throw new AssertionError("the probe's session was not stored");
            }
        }
        System.out.println("probe done");
    }
}
