package io.github.smartapiauth.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import java.util.function.Supplier;

/** Builds injectors and gets instances, turning Guice's wrapped errors back into the domain's. */
final class Injection {

    private Injection() {
    }

    static Injector create(Module module) {
        return unwrapped(() -> Guice.createInjector(module));
    }

    static <T> T get(Injector injector, Class<T> type) {
        return unwrapped(() -> injector.getInstance(type));
    }

    private static <T> T unwrapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProvisionException e) {
            throw domainCause(e.getCause(), e.getErrorMessages());
        } catch (CreationException e) {
            throw domainCause(e.getCause(), e.getErrorMessages());
        }
    }

    private static RuntimeException domainCause(Throwable cause, java.util.Collection<Message> messages) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SmartApiAuthException) {
                return (SmartApiAuthException) t;
            }
        }
        for (Message message : messages) {
            for (Throwable t = message.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SmartApiAuthException) {
                    return (SmartApiAuthException) t;
                }
            }
        }
        return new ConfigurationException("the wiring could not be built: " + (cause == null ? "see the log"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }
}
