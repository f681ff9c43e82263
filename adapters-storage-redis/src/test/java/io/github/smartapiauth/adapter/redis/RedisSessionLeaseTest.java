package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.adapter.redis.testing.RedisServer;
import io.github.smartapiauth.application.contract.SessionLeasePortContract;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The lease contract on a real Redis; each test has its own key prefix. */
class RedisSessionLeaseTest extends SessionLeasePortContract {

    private static RedisServer server;
    private static int tests;
    private final List<RedisSessions> opened = new ArrayList<>();

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
    protected SessionLeasePort newLease() {
        RedisSessions sessions = TestRedis.sessions(server, "lease-" + (++tests) + ":", Clock.systemUTC());
        opened.add(sessions);
        return sessions.lease();
    }
}
