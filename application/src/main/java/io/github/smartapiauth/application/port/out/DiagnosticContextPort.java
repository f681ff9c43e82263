package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;

/**
 * Marks the work the core does for one account on its own threads (renewals, event delivery), so
 * that what is logged meanwhile names the account: the SLF4J adapter puts the client code (and
 * nothing else) in the MDC. Without an adapter the work runs as it is ({@link #NONE}).
 */
public interface DiagnosticContextPort {

    /** Runs the work unmarked. */
    DiagnosticContextPort NONE = (account, work) -> work;

    /**
     * The work, marked with {@code account} while it runs; whatever the thread held before is back
     * afterwards, however the work ends.
     */
    Runnable forAccount(ClientCode account, Runnable work);
}
