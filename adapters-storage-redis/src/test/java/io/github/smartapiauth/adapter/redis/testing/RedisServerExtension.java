package io.github.smartapiauth.adapter.redis.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real redis-server per test class, started before its first test and stopped after its
 * last: {@code @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();}
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    private RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = RedisServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
    }

    public RedisServer server() {
        return server;
    }
}
