package io.github.smartapiauth.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copies of the Redis key ring made to build the store do not outlive the build. */
class RedisKeyCopiesTest {

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void theCopiesAreZeroedOnceTheStoreIsBuilt() {
        List<byte[]> ring = List.of(key(7), key(9));

        String built = RedisModule.usingThenWiping(ring, keys -> "built with " + keys.size() + " keys");

        assertThat(built).isEqualTo("built with 2 keys");
        assertThat(ring).allSatisfy(copy -> assertThat(copy).containsOnly(0));
    }

    @Test
    void theCopiesAreZeroedWhenTheBuildFails() {
        List<byte[]> ring = List.of(key(7));

        assertThatThrownBy(() -> RedisModule.usingThenWiping(ring, keys -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(ring.get(0)).containsOnly(0);
    }
}
