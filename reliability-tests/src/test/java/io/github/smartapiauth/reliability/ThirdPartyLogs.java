package io.github.smartapiauth.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The loggers of the libraries we ship that do not log through SLF4J, at their most verbose for
 * as long as it is open: java.util.logging at ALL (Guice logs there, and so would any library
 * logging through the JDK's System.Logger), and picocli's tracer at DEBUG (it writes to
 * {@code System.err}, which is captured meanwhile). SLF4J loggers (Feign's wire log through ours,
 * Lettuce, Netty) already go to the module's TRACE log. The JDK's own HTTP client log
 * ({@code -Djdk.httpclient.HttpClient.log}) stays off: it prints headers in clear and cannot be
 * masked (docs/security.md says so).
 */
final class ThirdPartyLogs implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final StringBuilder jul = new StringBuilder();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;
    private final String originalTrace = System.getProperty("picocli.trace");
    private int julRecords;
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            julRecords++;
            jul.append(record.getLoggerName()).append(' ').append(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ThirdPartyLogs() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        System.setProperty("picocli.trace", "DEBUG");
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    static ThirdPartyLogs atTheirMostVerbose() {
        return new ThirdPartyLogs();
    }

    synchronized String text() {
        return jul + "\n" + stderr.toString(StandardCharsets.UTF_8);
    }

    synchronized int julRecords() {
        return julRecords;
    }

    int picocliLines() {
        return (int) stderr.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("[picocli")).count();
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        if (originalTrace == null) {
            System.clearProperty("picocli.trace");
        } else {
            System.setProperty("picocli.trace", originalTrace);
        }
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }
}
