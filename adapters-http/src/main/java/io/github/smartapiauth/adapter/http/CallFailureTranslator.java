package io.github.smartapiauth.adapter.http;

import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InterruptedWaitException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a Feign call and translates whatever fails in it (Feign's exceptions, I/O errors such as
 * timeouts and refused connections) into the domain's errors, with messages that say what to do.
 */
final class CallFailureTranslator {

    private final HttpSettings settings;

    CallFailureTranslator(HttpSettings settings) {
        this.settings = settings;
    }

    <T> T call(String route, Supplier<T> feignCall) {
        try {
            return feignCall.get();
        } catch (SmartApiAuthException mapped) {
            throw mapped;
        } catch (DecodeException | EncodeException e) {
            throw unwrap(route, e);
        } catch (RetryableException e) {
            throw e.getCause() instanceof IOException ? fromIo(route, (IOException) e.getCause(), settings)
                    : new BrokerUnavailableException("SmartAPI could not be reached for " + route + "; retry later");
        } catch (FeignException e) {
            throw unwrap(route, e);
        }
    }

    private SmartApiAuthException unwrap(String route, FeignException e) {
        if (e.getCause() instanceof SmartApiAuthException) {
            return (SmartApiAuthException) e.getCause();
        }
        if (e.getCause() instanceof IOException) {
            return fromIo(route, (IOException) e.getCause(), settings);
        }
        return new UnexpectedResponseException("SmartAPI's answer to " + route + " could not be handled ("
                + e.getClass().getSimpleName() + ", HTTP " + e.status() + ")");
    }

    static SmartApiAuthException fromIo(String route, IOException e, HttpSettings settings) {
        String host = settings == null ? "SmartAPI" : settings.baseUrl().getHost();
        java.util.Optional<ConfigurationException> certificate = CertificateFailures.of(host, route, e);
        if (certificate.isPresent()) {
            return certificate.get();
        }
        if (causedBy(e, BodyTooLargeException.class)) {
            return new UnexpectedResponseException(host + " answered " + route + " with a body larger than "
                    + CappedBodyReader.CAP_TEXT + ", the most smartapi-auth reads; the connection was closed without"
                    + " reading the rest. SmartAPI's answers are a few KB: check the base URL (SMARTAPI_BASE_URL)"
                    + " and any proxy in between", null, e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return BrokerUnavailableException.neverSent("could not connect to " + host + " for " + route + " within "
                    + seconds(settings == null ? null : settings.connectTimeout())
                    + "; check the network, or raise the connect timeout", e);
        }
        if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
            return new BrokerUnavailableException(host + " did not answer " + route + " within "
                    + seconds(settings == null ? null : settings.readTimeout()) + "; retry later, or raise the read timeout",
                    null, e);
        }
        if (e instanceof InterruptedIOException) {
            // The calling thread was interrupted while it waited for the answer (a socket timeout,
            // also an InterruptedIOException, is handled above): its own choice, not a broker failure.
            Thread.currentThread().interrupt();
            return new InterruptedWaitException("interrupted while waiting for " + host + " to answer " + route
                    + "; the call was abandoned and its outcome is unknown", e);
        }
        if (e instanceof ConnectException) {
            return BrokerUnavailableException.neverSent("could not connect to " + host + " for " + route
                    + " (connection refused); check the base URL and that the server is up", e);
        }
        if (e instanceof UnknownHostException) {
            return BrokerUnavailableException.neverSent("cannot resolve the host " + host + "; check the base URL and DNS",
                    e);
        }
        return new BrokerUnavailableException("the connection to " + host + " failed during " + route + " ("
                + e.getClass().getSimpleName() + ", e.g. a reset connection); retry later", null, e);
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration timeout) {
        return timeout == null ? "the timeout" : timeout.toMillis() / 1000.0 + " s";
    }
}
