package io.github.smartapiauth.adapter.storage;

/**
 * The cost of deriving a vault key from a passphrase with Argon2id (version 1.3, 16-byte
 * salt, 32-byte key). Stored in each vault's header, so a reader derives the same key.
 *
 * <p>The bounds are also what a reader accepts from a header before doing any work, so a
 * hostile file cannot make it allocate more than 1 GiB or spin for long.
 *
 * @param memoryKiB memory in KiB, at least 8 per lane
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 10;
    public static final int MAX_PARALLELISM = 16;

    /** RFC 9106's second recommended option (m = 64 MiB, t = 3, p = 4): the default. */
    public static final Argon2idParameters RFC_9106_SECOND = new Argon2idParameters(64 * 1024, 3, 4);

    /** OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1), for machines too small for the default. */
    public static final Argon2idParameters OWASP_MINIMUM = new Argon2idParameters(19 * 1024, 2, 1);

    public Argon2idParameters {
        String problem = problemWith(memoryKiB, iterations, parallelism);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The default: {@link #RFC_9106_SECOND}. */
    public static Argon2idParameters defaults() {
        return RFC_9106_SECOND;
    }

    /** Whether every cost is at least the other's. */
    public boolean atLeast(Argon2idParameters other) {
        return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
    }

    /** What is wrong with these values, or {@code null}; takes longs so that unsigned header fields can be checked. */
    static String problemWith(long memoryKiB, long iterations, long parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return "Argon2id parallelism " + parallelism + " is out of range; expected 1 to " + MAX_PARALLELISM;
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return "Argon2id iterations " + iterations + " are out of range; expected 1 to " + MAX_ITERATIONS;
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return "Argon2id memory " + memoryKiB + " KiB is out of range; expected " + 8 * parallelism + " to "
                    + MAX_MEMORY_KIB + " KiB (8 KiB per lane at least, 1 GiB at most)";
        }
        return null;
    }
}
