package io.github.smartapiauth.adapter.totp;

/** The HMAC behind the codes (RFC 6238). SmartAPI uses {@link #SHA1}. */
public enum TotpAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    TotpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the HMAC, e.g. {@code HmacSHA1}. */
    public String macName() {
        return macName;
    }
}
