package io.github.smartapiauth.sandbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SmartAPI account the sandbox knows: the API key of its app, the client code, the 4-digit
 * MPIN, the base32 TOTP secret and the profile. {@link #toString()} shows the client code only.
 *
 * <p>The demo account ({@link #demo()}) has these documented, fake credentials:
 * API key {@value #DEMO_API_KEY}, client code {@value #DEMO_CLIENT_CODE}, MPIN
 * {@value #DEMO_MPIN}, TOTP secret {@value #DEMO_TOTP_SECRET}.
 */
public record SandboxAccount(String apiKey, String clientCode, String mpin, String totpSecret,
                             AccountProfile profile) {

    public static final String DEMO_API_KEY = "sandbox-demo-key";
    public static final String DEMO_CLIENT_CODE = "DEMO001";
    public static final String DEMO_MPIN = "1234";
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static final Pattern MPIN = Pattern.compile("[0-9]{4}");

    public SandboxAccount {
        requireText(apiKey, "apiKey");
        requireText(clientCode, "clientCode");
        Objects.requireNonNull(mpin, "mpin");
        if (!MPIN.matcher(mpin).matches()) {
            throw new IllegalArgumentException("the MPIN of " + clientCode + " must be 4 ASCII digits");
        }
        Objects.requireNonNull(totpSecret, "totpSecret");
        Base32.decode(totpSecret); // fail at configuration time, not at the first login
        Objects.requireNonNull(profile, "profile");
    }

    /** An account with a default profile named after the client code. */
    public static SandboxAccount of(String apiKey, String clientCode, String mpin, String totpSecret) {
        return new SandboxAccount(apiKey, clientCode, mpin, totpSecret, AccountProfile.named("Trader " + clientCode));
    }

    /** The demo account with the documented fake credentials above. */
    public static SandboxAccount demo() {
        return new SandboxAccount(DEMO_API_KEY, DEMO_CLIENT_CODE, DEMO_MPIN, DEMO_TOTP_SECRET,
                AccountProfile.named("Demo Trader"));
    }

    /**
     * The TOTP code the sandbox accepts for this account at {@code instant}, for tests and demos
     * that play the user's authenticator app.
     */
    public String totpAt(java.time.Instant instant) {
        return Totp.code(Base32.decode(totpSecret), Totp.step(instant.getEpochSecond()));
    }

    @Override
    public String toString() {
        return "SandboxAccount[clientCode=" + clientCode + ", apiKey=****, mpin=****, totpSecret=****]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
