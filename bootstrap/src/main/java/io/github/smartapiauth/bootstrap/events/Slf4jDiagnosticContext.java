package io.github.smartapiauth.bootstrap.events;

import io.github.smartapiauth.application.port.out.DiagnosticContextPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import org.slf4j.MDC;

/**
 * Puts the client code (never anything secret) in the SLF4J MDC under {@value #KEY} while the core's
 * threads renew an account or deliver its events, so a log pattern such as {@code %X{smartapi.account}}
 * shows whose renewal a line belongs to. What the thread's MDC held before is restored afterwards.
 */
public final class Slf4jDiagnosticContext implements DiagnosticContextPort {

    /** The MDC key. */
    public static final String KEY = "smartapi.account";

    @Override
    public Runnable forAccount(ClientCode account, Runnable work) {
        String code = account.value();
        return () -> {
            String before = MDC.get(KEY);
            MDC.put(KEY, code);
            try {
                work.run();
            } finally {
                if (before == null) {
                    MDC.remove(KEY);
                } else {
                    MDC.put(KEY, before);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "Slf4jDiagnosticContext[" + KEY + "]";
    }
}
