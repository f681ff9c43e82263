package io.github.smartapiauth.domain.error;

/** Something in the setup is wrong and retrying cannot fix it: a missing or malformed setting, an unknown API key, an unregistered IP address, a wrong header. */
public final class ConfigurationException extends SmartApiAuthException {

    public ConfigurationException(String message) {
        this(message, null, null);
    }

    public ConfigurationException(String message, String brokerCode) {
        this(message, brokerCode, null);
    }

    public ConfigurationException(String message, String brokerCode, Throwable cause) {
        super(message, brokerCode, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
