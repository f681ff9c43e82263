package io.github.smartapiauth.adapter.storage;

import java.time.Duration;

/** Wait durations as nanoseconds, saturated so that a huge or negative wait cannot overflow. */
final class Waits {

    private Waits() {
    }

    static long nanos(Duration wait) {
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
