package io.github.smartapiauth.bootstrap.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants and durations as people read them: local to India (SmartAPI's clock), with the zone. */
final class TimeFormat {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Kolkata"));

    private TimeFormat() {
    }

    static String at(Instant instant) {
        return FORMAT.format(instant);
    }

    /** A broker time without a zone (SmartAPI's clock is India's), shown as {@link #at} shows instants. */
    static String inIndia(java.time.LocalDateTime time) {
        return FORMAT.format(time.atZone(INDIA));
    }

    /** The same as ISO-8601 with its offset, e.g. {@code 2026-11-24T09:30:05+05:30}, for JSON. */
    static String isoInIndia(java.time.LocalDateTime time) {
        return time.atZone(INDIA).toOffsetDateTime().toString();
    }

    static String span(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min " + seconds % 60 + " s" : seconds % 60 + " s";
    }
}
