package io.github.smartapiauth.adapter.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * This module's tests' SLF4J backend: keeps every line at every level, with its thread and a copy of
 * the MDC it was logged under, as an appender with {@code %X} in its pattern would show it.
 */
public final class CapturingLogs implements SLF4JServiceProvider {

    /** One line as logged. */
    public record Line(String logger, Level level, String message, String thread, Map<String, String> mdc) {
    }

    static final List<Line> LINES = new CopyOnWriteArrayList<>();

    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, this::capturing);

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private Logger capturing(String name) {
        return new CapturingLogger(name, mdc);
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;
        private final transient MDCAdapter mdc;

        CapturingLogger(String name, MDCAdapter mdc) {
            this.name = name;
            this.mdc = mdc;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            Map<String, String> context = mdc.getCopyOfContextMap();
            LINES.add(new Line(name, level, MessageFormatter.basicArrayFormat(pattern, arguments),
                    Thread.currentThread().getName(), context == null ? Map.of() : Map.copyOf(context)));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
