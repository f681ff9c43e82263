package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.github.smartapiauth.application.contract.SessionStorePortContract;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real Redis; each test has its own key prefix. */
class RedisSessionStoreTest extends SessionStorePortContract {

    private static RedisServer server;
    private static int tests;
    private final List<RedisSessions> opened = new ArrayList<>();
    private final String prefix = "contract-" + (++tests) + ":";

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        server.close();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(RedisSessions::close);
    }

    @Override
    protected SessionStorePort newStore() {
        RedisSessions sessions = TestRedis.sessions(server, prefix, Clock.fixed(T0, ZoneOffset.UTC));
        opened.add(sessions);
        return sessions.store();
    }

    @Override
    protected SessionStorePort reopen(SessionStorePort store) {
        return newStore();
    }
}
