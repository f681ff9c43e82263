package io.github.smartapiauth.adapter.storage;

import java.time.Duration;

/** A wait's duration in nanoseconds, saturated so that a huge or negative wait cannot overflow a deadline. */
final class SaturatedNanos {

    private SaturatedNanos() {
    }

    static long of(Duration wait) {
        if (wait.isNegative()) {
            return 0;
        }
        try {
            return wait.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
