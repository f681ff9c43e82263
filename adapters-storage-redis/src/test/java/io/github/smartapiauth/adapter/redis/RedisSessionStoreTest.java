package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.testing.RedisServerExtension;
import io.github.smartapiauth.application.contract.SessionStorePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real Redis; each test has its own key prefix. */
class RedisSessionStoreTest extends SessionStorePortContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static int tests;
    private final List<RedisSessions> opened = new ArrayList<>();
    private final String prefix = "contract-" + (++tests) + ":";

    @AfterEach
    void closeAll() {
        opened.forEach(RedisSessions::close);
    }

    @Override
    protected SessionStorePort newStore() {
        RedisSessions sessions = TestRedis.sessions(REDIS.server(), prefix, Clock.fixed(T0, ZoneOffset.UTC));
        opened.add(sessions);
        return sessions.store();
    }

    @Override
    protected SessionStorePort reopen(SessionStorePort store) {
        return newStore();
    }

    @Override
    protected SessionLeasePort newLease(SessionStorePort store) {
        return opened.stream().filter(sessions -> sessions.store() == store).findFirst().orElseThrow().lease();
    }
}
