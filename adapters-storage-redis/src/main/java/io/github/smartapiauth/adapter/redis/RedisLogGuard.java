package io.github.smartapiauth.adapter.redis;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.Slf4JLoggerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps Redis credentials out of Lettuce's and Netty's logs, whatever the platform's logging
 * configuration. Lettuce logs through Netty's logger factory; at TRACE its encoder prints every
 * command's bytes, the handshake {@code HELLO 3 AUTH default <password>} included. Installed before
 * Lettuce's first class loads, this factory hands every {@code io.lettuce} and {@code io.netty}
 * logger a wrapper that drops TRACE altogether and masks every Redis password of a live
 * {@link RedisSessions} in what it passes on at DEBUG and above. Other loggers are untouched.
 */
final class RedisLogGuard extends InternalLoggerFactory {

    static final String MASK = "<redacted>";
    /** Each password with the number of open stores using it. */
    private static final java.util.Map<String, Integer> SECRETS = new ConcurrentHashMap<>();

    /** Where loggers come from when the replaced factory cannot be reached: SLF4J, as the project logs. */
    private static final Slf4JLoggerFactory FALLBACK = new Slf4JLoggerFactory();

    private final InternalLoggerFactory delegate;
    private final Method newInstance;

    private RedisLogGuard(InternalLoggerFactory delegate, Method newInstance) {
        this.delegate = delegate;
        this.newInstance = newInstance;
    }

    /** Puts the guard in front of Netty's logger factory once per JVM; later calls do nothing. */
    static synchronized void install() {
        InternalLoggerFactory current = InternalLoggerFactory.getDefaultFactory();
        if (current instanceof RedisLogGuard) {
            return;
        }
        Method method;
        try {
            method = InternalLoggerFactory.class.getDeclaredMethod("newInstance", String.class);
            method.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException unreachable) {
            // Netty sealed off: fall back to a guard that only drops, with nothing to delegate to.
            method = null;
        }
        InternalLoggerFactory.setDefaultFactory(new RedisLogGuard(current, method));
    }

    /** A guard that cannot reach the factory it stands in front of (Netty sealed off), for tests. */
    static RedisLogGuard withoutDelegate() {
        return new RedisLogGuard(InternalLoggerFactory.getDefaultFactory(), null);
    }

    /** A password to mask from now on (a Redis URI's, while its store is open). */
    static void mask(CharSequence secret) {
        if (secret != null && secret.length() > 0) {
            SECRETS.merge(secret.toString(), 1, Integer::sum);
        }
    }

    static void unmask(CharSequence secret) {
        if (secret != null) {
            SECRETS.computeIfPresent(secret.toString(), (key, count) -> count == 1 ? null : count - 1);
        }
    }

    /** {@code text} with every registered password replaced by {@link #MASK}. */
    static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : SECRETS.keySet()) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    @Override
    protected InternalLogger newInstance(String name) {
        InternalLogger inner = inner(name);
        if (name.startsWith("io.lettuce") || name.startsWith("io.netty")) {
            return new Guarded(inner);
        }
        return inner;
    }

    /** The logger the replaced factory makes; SLF4J's when that factory cannot be reached. */
    private InternalLogger inner(String name) {
        if (newInstance != null) {
            try {
                InternalLogger made = (InternalLogger) newInstance.invoke(delegate, name);
                if (made != null) {
                    return made;
                }
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                // Falls back below.
            }
        }
        return FALLBACK.newInstance(name);
    }

    /** Drops TRACE; formats DEBUG and above itself so that passwords can be masked before they go on. */
    private static final class Guarded extends AbstractInternalLogger {
        private static final long serialVersionUID = 1L;
        private final transient InternalLogger inner;

        Guarded(InternalLogger inner) {
            super(inner == null ? "guarded" : inner.name());
            this.inner = inner;
        }

        private boolean on(io.netty.util.internal.logging.InternalLogLevel level) {
            return inner != null && inner.isEnabled(level);
        }

        private void emit(io.netty.util.internal.logging.InternalLogLevel level, String format, Object... args) {
            if (!on(level)) {
                return;
            }
            FormattingTuple tuple = MessageFormatter.arrayFormat(format, args);
            Throwable thrown = tuple.getThrowable();
            String message = redact(tuple.getMessage());
            if (thrown == null) {
                inner.log(level, message);
            } else {
                inner.log(level, message + " (" + thrown.getClass().getName() + ": " + redact(thrown.getMessage())
                        + ")");
            }
        }

        private void emit(io.netty.util.internal.logging.InternalLogLevel level, String message, Throwable thrown) {
            emit(level, message, new Object[] {thrown});
        }

        // TRACE: never.
        @Override public boolean isTraceEnabled() { return false; }
        @Override public void trace(String msg) { }
        @Override public void trace(String format, Object arg) { }
        @Override public void trace(String format, Object argA, Object argB) { }
        @Override public void trace(String format, Object... arguments) { }
        @Override public void trace(String msg, Throwable t) { }

        @Override public boolean isDebugEnabled() { return on(Level.DEBUG); }
        @Override public void debug(String msg) { emit(Level.DEBUG, msg, new Object[0]); }
        @Override public void debug(String format, Object arg) { emit(Level.DEBUG, format, new Object[] {arg}); }
        @Override public void debug(String format, Object argA, Object argB) { emit(Level.DEBUG, format, new Object[] {argA, argB}); }
        @Override public void debug(String format, Object... arguments) { emit(Level.DEBUG, format, arguments); }
        @Override public void debug(String msg, Throwable t) { emit(Level.DEBUG, msg, t); }

        @Override public boolean isInfoEnabled() { return on(Level.INFO); }
        @Override public void info(String msg) { emit(Level.INFO, msg, new Object[0]); }
        @Override public void info(String format, Object arg) { emit(Level.INFO, format, new Object[] {arg}); }
        @Override public void info(String format, Object argA, Object argB) { emit(Level.INFO, format, new Object[] {argA, argB}); }
        @Override public void info(String format, Object... arguments) { emit(Level.INFO, format, arguments); }
        @Override public void info(String msg, Throwable t) { emit(Level.INFO, msg, t); }

        @Override public boolean isWarnEnabled() { return on(Level.WARN); }
        @Override public void warn(String msg) { emit(Level.WARN, msg, new Object[0]); }
        @Override public void warn(String format, Object arg) { emit(Level.WARN, format, new Object[] {arg}); }
        @Override public void warn(String format, Object argA, Object argB) { emit(Level.WARN, format, new Object[] {argA, argB}); }
        @Override public void warn(String format, Object... arguments) { emit(Level.WARN, format, arguments); }
        @Override public void warn(String msg, Throwable t) { emit(Level.WARN, msg, t); }

        @Override public boolean isErrorEnabled() { return on(Level.ERROR); }
        @Override public void error(String msg) { emit(Level.ERROR, msg, new Object[0]); }
        @Override public void error(String format, Object arg) { emit(Level.ERROR, format, new Object[] {arg}); }
        @Override public void error(String format, Object argA, Object argB) { emit(Level.ERROR, format, new Object[] {argA, argB}); }
        @Override public void error(String format, Object... arguments) { emit(Level.ERROR, format, arguments); }
        @Override public void error(String msg, Throwable t) { emit(Level.ERROR, msg, t); }
    }

    /** Shorter names for Netty's levels. */
    private static final class Level {
        static final io.netty.util.internal.logging.InternalLogLevel DEBUG =
                io.netty.util.internal.logging.InternalLogLevel.DEBUG;
        static final io.netty.util.internal.logging.InternalLogLevel INFO =
                io.netty.util.internal.logging.InternalLogLevel.INFO;
        static final io.netty.util.internal.logging.InternalLogLevel WARN =
                io.netty.util.internal.logging.InternalLogLevel.WARN;
        static final io.netty.util.internal.logging.InternalLogLevel ERROR =
                io.netty.util.internal.logging.InternalLogLevel.ERROR;

        private Level() {
        }
    }
}
