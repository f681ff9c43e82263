package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.domain.error.BrokerUnavailableException;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;

/** SmartAPI's error codes, translated into the domain's error family with advice. */
final class ErrorCodeTranslator {

    private static final int MAX_MESSAGE = 160;

    private ErrorCodeTranslator() {
    }

    static SmartApiAuthException toException(String route, String code, String brokerMessage, int status) {
        String said = " (" + (code.isEmpty() ? "no code" : code) + ": " + clean(brokerMessage) + ")";
        switch (code) {
            case "AG8001":
            case "AG8002":
            case "AG8003":
                return new SessionExpiredException("SmartAPI rejected the access token on " + route + said
                        + "; a new session is needed", code);
            case "AB1010":
            case "AB1011":
                return new SessionExpiredException("SmartAPI says the session is gone" + said + "; log in again", code);
            case "AB8050":
            case "AB8051":
                return new RefreshRejectedException("SmartAPI refused the refresh token" + said + "; log in again", code);
            case "AB1050":
                return new InvalidTotpException("SmartAPI refused the TOTP code" + said + "; check the TOTP secret and"
                        + " that this machine's clock is right (a code is valid for 30 s)", code);
            case "AB7001":
                return new InvalidCredentialsException("SmartAPI refused a password login" + said + "; configure the"
                        + " 4-digit MPIN, not the web password", code);
            case "AB1000":
            case "AB1001":
            case "AB1002":
            case "AB1007":
                return new InvalidCredentialsException("SmartAPI refused the client code or MPIN" + said + "; check them;"
                        + " automatic logins stop to avoid locking the account", code);
            case "AB1006":
                return new InvalidCredentialsException("SmartAPI says the account is blocked for trading" + said
                        + "; contact Angel One", code);
            case "AB1032":
                return new InvalidCredentialsException("SmartAPI does not know this client code" + said
                        + "; check the client code", code);
            case "AG8004":
                return new ConfigurationException("SmartAPI refused the API key" + said + "; check the API key of your"
                        + " SmartAPI app", code);
            case "AG7002":
                return new ConfigurationException("SmartAPI refused this machine's IP address" + said + "; register the"
                        + " public IP in the SmartAPI app or set X-ClientPublicIP to the registered one", code);
            case "AB1005":
                return new ConfigurationException("SmartAPI refused the user type header" + said
                        + "; this is a bug in smartapi-auth, please report it", code);
            case "AB1004":
            case "AB2001":
                return new BrokerUnavailableException("SmartAPI failed on its side" + said + "; retry later", code);
            default:
                return new UnexpectedResponseException("SmartAPI refused " + route + " with an error this library does"
                        + " not know" + said + ", HTTP " + status, code);
        }
    }

    /** The broker's own text, bounded and stripped of control characters. */
    private static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String printable = message.replaceAll("[\\p{Cntrl}]", " ").trim();
        return printable.length() <= MAX_MESSAGE ? printable : printable.substring(0, MAX_MESSAGE) + "...";
    }
}
