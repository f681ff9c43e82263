package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.testing.RedisServerExtension;
import io.github.smartapiauth.application.contract.SessionLeasePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lease contract on a real Redis; each test has its own key prefix. */
class RedisSessionLeaseTest extends SessionLeasePortContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static int tests;
    private final List<RedisSessions> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(RedisSessions::close);
    }

    @Override
    protected SessionLeasePort newLease() {
        RedisSessions sessions = TestRedis.sessions(REDIS.server(), "lease-" + (++tests) + ":", Clock.systemUTC());
        opened.add(sessions);
        return sessions.lease();
    }
}
