package io.github.smartapiauth.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.junit.jupiter.api.Test;

/** The guard in front of Netty's logger factory never leaves a class without a logger. */
class RedisLogGuardTest {

    @Test
    void whereNettysFactoryCannotBeReachedEveryNameStillGetsARealLogger() {
        RedisLogGuard guard = RedisLogGuard.withoutDelegate();

        InternalLogger other = guard.newInstance("com.example.platform.Orders");
        InternalLogger lettuce = guard.newInstance("io.lettuce.core.protocol.CommandEncoder");

        assertThat(other).isNotNull();
        assertThat(other.name()).isEqualTo("com.example.platform.Orders");
        other.info("logged without a NullPointerException");
        assertThat(lettuce).isNotNull();
        assertThat(lettuce.isTraceEnabled()).as("TRACE stays off for Lettuce").isFalse();
        assertThat(InternalLoggerFactory.getDefaultFactory()).isNotNull();
    }
}
