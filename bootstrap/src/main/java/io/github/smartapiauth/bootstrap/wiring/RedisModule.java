package io.github.smartapiauth.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.smartapiauth.adapter.redis.RedisSessions;
import io.github.smartapiauth.application.port.in.AdoptStoredSessionUseCase;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.RedisStore;
import java.time.Clock;

/**
 * Sessions shared through Redis by every process of a platform: the store, the fenced lease, and
 * the renewal notices, which make this process take up a session another one renewed at once.
 * Connects on first use, not here.
 */
public final class RedisModule extends AbstractModule {

    private final RedisStore redis;

    public RedisModule(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    protected void configure() {
        bind(RenewalNoticesToCore.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    RedisSessions sessions(@Internal Clock clock, OwnedResources owned) {
        return owned.register(usingThenWiping(redis.keyRing(),
                ring -> RedisSessions.builder(redis.uri()).keyRing(ring).clock(clock).build()));
    }

    /** Hands {@code ring} (copies of the keys, made for this use) to {@code use}, then zeroes every key in it. */
    static <T> T usingThenWiping(java.util.List<byte[]> ring, java.util.function.Function<java.util.List<byte[]>, T> use) {
        try {
            return use.apply(ring);
        } finally {
            ring.forEach(key -> java.util.Arrays.fill(key, (byte) 0));
        }
    }

    @Provides
    SessionStorePort store(RedisSessions sessions) {
        return sessions.store();
    }

    @Provides
    SessionLeasePort lease(RedisSessions sessions) {
        return sessions.lease();
    }

    /** Hands each renewal or logout another process announces to the core, which re-reads the store. */
    static final class RenewalNoticesToCore {

        @Inject
        RenewalNoticesToCore(RedisSessions sessions, Provider<AdoptStoredSessionUseCase> core) {
            sessions.onRenewal(account -> core.get().adoptStoredSession(account));
        }
    }
}
