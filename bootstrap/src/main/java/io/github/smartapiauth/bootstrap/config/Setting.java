package io.github.smartapiauth.bootstrap.config;

import java.util.Locale;

/**
 * Every setting, by the name of its environment variable. The same names work as keys of the
 * properties file and in the CLI's {@code --set NAME=VALUE}; the common ones also have their
 * own CLI flag ({@code SMARTAPI_BASE_URL} = {@code --base-url}).
 */
public enum Setting {
    API_KEY("the API key of your SmartAPI app", "", true),
    CLIENT_CODE("your Angel One client code, e.g. A1234567", "", false),
    PIN("your 4-digit MPIN", "", true),
    TOTP_SECRET("the base32 TOTP secret shown when TOTP was enabled", "", true),
    TOTP_URI("the otpauth://totp/... URI of the TOTP QR code, instead of TOTP_SECRET", "", true),
    TOTP_FILE("a file holding the TOTP secret or URI, instead of TOTP_SECRET", "", false),
    STORE("where sessions are kept: vault (encrypted file), memory, or redis://[:password@]host[:port][/db] (rediss:// for TLS) to share one session between processes and machines, or redis-sentinel://[:password@]host1:26379,host2:26379/master[/db] (rediss-sentinel:// for TLS) through Redis Sentinel", "vault", false),
    VAULT_DIR("the vault's directory (created 0700)", "~/.smartapi-auth", false),
    VAULT_PASSPHRASE("the passphrase of the vault (Argon2id)", "", true),
    VAULT_KEY_FILE("a file with a random 32-byte vault key (raw, or base64), instead of a passphrase", "", false),
    REDIS_KEY_FILE("with a redis:// store: an owner-only file with the 32-byte key (raw, or base64) that seals sessions, the same on every process; or a key ring, one base64 key a line, the current key first", "", false),
    REDIS_KEY("with a redis:// store: the base64 of the 32-byte key (or a key ring: base64 keys separated by commas, the current key first), instead of REDIS_KEY_FILE", "", true),
    BASE_URL("the SmartAPI REST root (HTTPS, or HTTP to a loopback host)", "https://apiconnect.angelone.in", false),
    CONNECT_TIMEOUT("connect timeout, e.g. 10s", "10s", false),
    READ_TIMEOUT("read timeout, e.g. 15s", "15s", false),
    REFRESH_MARGIN("refresh this long before the session ends, e.g. 5m", "5m", false),
    EXPIRY_MARGIN("stop handing out the token this long before the end, e.g. 30s", "30s", false),
    CUTOFF("the daily time SmartAPI ends sessions, HH:mm", "00:00", false),
    CUTOFF_ZONE("the zone of the cut-off", "Asia/Kolkata", false),
    CLIENT_LOCAL_IP("the X-ClientLocalIP header", "127.0.0.1", false),
    CLIENT_PUBLIC_IP("the X-ClientPublicIP header (your registered static IP)", "127.0.0.1", false),
    MAC_ADDRESS("the X-MACAddress header", "00:00:00:00:00:00", false),
    PACING("wait to stay within SmartAPI's per-second limits: true or false", "true", false);

    private final String description;
    private final String defaultValue;
    private final boolean secret;

    Setting(String description, String defaultValue, boolean secret) {
        this.description = description;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    /** The environment variable, e.g. {@code SMARTAPI_API_KEY}. */
    public String variable() {
        return "SMARTAPI_" + name();
    }

    /**
     * How the CLI takes this setting: its own flag for the common ones ({@code --client-code}), else
     * {@code --set SMARTAPI_CUTOFF=...}. Never a flag that does not exist.
     */
    public String flag() {
        return OWN_FLAG.contains(this) ? "--" + name().toLowerCase(Locale.ROOT).replace('_', '-')
                : "--set " + variable() + "=...";
    }

    /** The settings with a CLI flag of their own (the rest are given with {@code --set NAME=VALUE}). */
    private static final java.util.Set<Setting> OWN_FLAG = java.util.EnumSet.of(CLIENT_CODE, BASE_URL, STORE, VAULT_DIR,
            VAULT_KEY_FILE, TOTP_FILE);

    public String description() {
        return description;
    }

    /** The value used when no source sets it; empty when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether the value is a secret (never printed, and better not passed as a flag). */
    public boolean isSecret() {
        return secret;
    }
}
