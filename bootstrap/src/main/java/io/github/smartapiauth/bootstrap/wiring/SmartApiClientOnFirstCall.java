package io.github.smartapiauth.bootstrap.wiring;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiHttpClient;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.util.Objects;

/**
 * The SmartAPI HTTP client, built at the first call to the broker. A process that never calls the
 * broker (one that answers from a stored FRESH session, or only reads the status) never builds it, so
 * it loads neither Feign, Jackson, the JDK HTTP client nor TLS, and starts no HTTP thread. Closing it
 * closes the client if one was built; a call after that fails as a call on a closed client does.
 */
public final class SmartApiClientOnFirstCall implements AuthenticationPort, ProfilePort, AutoCloseable {

    private final HttpSettings settings;
    private final MetricsPort metrics;
    private volatile SmartApiHttpClient client;
    private boolean closed; // guarded by this

    public SmartApiClientOnFirstCall(HttpSettings settings, MetricsPort metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Whether the client has been built (a call reached the broker, or was about to). */
    public boolean built() {
        return client != null;
    }

    @Override
    public TokenSet login(Credentials credentials, TotpCode code) {
        return client().login(credentials, code);
    }

    @Override
    public TokenSet refresh(Credentials account, TokenSet current) {
        return client().refresh(account, current);
    }

    @Override
    public void logout(Credentials account, AccessToken accessToken) {
        client().logout(account, accessToken);
    }

    @Override
    public Profile profile(Credentials account, AccessToken accessToken) {
        return client().profile(account, accessToken);
    }

    private SmartApiHttpClient client() {
        SmartApiHttpClient current = client;
        return current != null ? current : build();
    }

    private synchronized SmartApiHttpClient build() {
        if (client == null) {
            SmartApiHttpClient built = new SmartApiHttpClient(settings, metrics);
            if (closed) {
                built.close(); // its calls now fail with the closed client's own error
            }
            client = built;
        }
        return client;
    }

    @Override
    public void close() {
        SmartApiHttpClient current;
        synchronized (this) {
            closed = true;
            current = client;
        }
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "SmartApiHttpClient[" + settings.baseUrl() + "] (built at the first call)";
    }
}
