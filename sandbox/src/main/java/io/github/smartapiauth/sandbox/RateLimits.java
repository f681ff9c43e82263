package io.github.smartapiauth.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmartAPI's documented per-account limits, counted in fixed windows of the sandbox clock's
 * seconds and hours, so a test with a controlled clock sees exactly the same answers each run.
 */
final class RateLimits {

    private static final long SECONDS_PER_HOUR = 3600;
    private static final int MAX_WINDOWS = 100_000;

    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts the call and says whether it is within the limits. */
    boolean tryAcquire(String account, Route route) {
        long second = clock.instant().getEpochSecond();
        long hour = Math.floorDiv(second, SECONDS_PER_HOUR);
        forgetOldWindows(hour);
        boolean[] allowed = new boolean[1];
        windows.compute(new Key(account, route), (key, window) -> {
            Window current = (window == null ? Window.EMPTY : window).at(second, hour);
            allowed[0] = current.secondCount() < perSecond(route)
                    && (perHour(route) == 0 || current.hourCount() < perHour(route));
            return allowed[0] ? current.counted() : current;
        });
        return allowed[0];
    }

    /** Forgets every window: every account starts afresh. */
    void clear() {
        windows.clear();
    }

    /**
     * Forgets windows of past hours once there are many (callers with ever new API keys or
     * client codes would otherwise grow the map without end).
     */
    private void forgetOldWindows(long hour) {
        if (windows.size() > MAX_WINDOWS) {
            windows.values().removeIf(window -> window.hour() < hour);
        }
    }

    static int perSecond(Route route) {
        return switch (route) {
            case LOGIN, GENERATE_TOKENS, LOGOUT -> 1;
            case GET_PROFILE -> 3;
            case GET_RMS -> 2;
        };
    }

    /** 0 for routes without an hourly limit. */
    static int perHour(Route route) {
        return switch (route) {
            case GENERATE_TOKENS, GET_PROFILE -> 1000;
            case LOGIN, LOGOUT, GET_RMS -> 0;
        };
    }

    private record Key(String account, Route route) {
    }

    private record Window(long second, int secondCount, long hour, int hourCount) {

        static final Window EMPTY = new Window(Long.MIN_VALUE, 0, Long.MIN_VALUE, 0);

        Window at(long nowSecond, long nowHour) {
            return new Window(nowSecond, nowSecond == second ? secondCount : 0,
                    nowHour, nowHour == hour ? hourCount : 0);
        }

        Window counted() {
            return new Window(second, secondCount + 1, hour, hourCount + 1);
        }
    }
}
