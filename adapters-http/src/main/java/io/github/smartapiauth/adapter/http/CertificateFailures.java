package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Tells a refused server certificate apart from a network glitch during the TLS handshake. A
 * certificate the JDK will not trust, one for another host, or one outside its validity dates
 * stays refused however often the call is retried, so it is a configuration problem with a
 * message that names the problem and what to check; a reset during the handshake is not.
 */
final class CertificateFailures {

    private CertificateFailures() {
    }

    /** The configuration error for a refused certificate, or empty when {@code e} is not one. */
    static Optional<ConfigurationException> of(String host, String route, IOException e) {
        Throwable certificateCause = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException || t instanceof SSLPeerUnverifiedException) {
                certificateCause = certificateCause == null || t instanceof CertificateExpiredException
                        || t instanceof CertificateNotYetValidException ? t : certificateCause;
            }
        }
        if (certificateCause == null) {
            return Optional.empty();
        }
        return Optional.of(new ConfigurationException("the TLS certificate of " + host + " was refused during " + route
                + ": " + problem(certificateCause, host) + ". This will not pass by retrying, so smartapi-auth does not"
                + " retry it", null, e));
    }

    private static String problem(Throwable cause, String host) {
        String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
                || text.contains("validity check failed") || text.contains("expired")) {
            return "it is expired or not yet valid. Check this machine's clock (NTP) first; if the clock is right,"
                    + " the server's certificate is out of date";
        }
        if (text.contains("subject alternative name") || text.contains("no name matching")
                || cause instanceof SSLPeerUnverifiedException) {
            return "it was issued for another host name than " + host + ". Check the base URL (SMARTAPI_BASE_URL) and"
                    + " any proxy or DNS entry that sends this name elsewhere";
        }
        return "it is not signed by an authority this JVM trusts. A proxy or antivirus that inspects HTTPS presents"
                + " its own certificate: add that authority to the JVM's trust store (javax.net.ssl.trustStore) or"
                + " bypass the proxy for this host; also check the machine's clock and the base URL (SMARTAPI_BASE_URL)";
    }
}
