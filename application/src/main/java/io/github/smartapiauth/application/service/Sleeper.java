package io.github.smartapiauth.application.service;

import java.time.Duration;

/** Waits; tests pass one that advances their clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Waits, saying why: a command line prints the longer waits; by default the reason is not used. */
    default void sleep(Duration duration, WaitReason reason) throws InterruptedException {
        sleep(duration);
    }

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
}
