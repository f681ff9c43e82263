package io.github.smartapiauth.application.port.in;

/**
 * A platform's own call was refused with AG8001: at most one renewal follows per token value,
 * however many threads report it.
 */
public interface ReportRejectedTokenUseCase {

    /** @return whether this report marked the session for renewal (false: already replaced or reported) */
    boolean reportRejected(RejectedTokenReport report);
}
