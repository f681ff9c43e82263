package io.github.smartapiauth.reliability;

import io.github.smartapiauth.sandbox.SandboxAccount;

/**
 * The one account every test of this module uses, with secrets chosen to be recognisable when
 * they leak: the leak scan reads the whole module's TRACE log, so the fault matrix and the soak
 * count as "whole life, every failure path" too.
 */
final class Sentinels {

    static final String API_KEY = "SentinelApiKey7Qx9Lm2Zr4Wv";
    static final String CLIENT_CODE = "R7700123";
    /** A leading zero: 4-digit numbers that are not the MPIN rarely start with one in logs. */
    static final String MPIN = "0829";
    /** Base32 of the 20 bytes "SentinelTotpKey#2026". */
    static final String TOTP_SECRET = "KNSW45DJNZSWYVDPORYEWZLZEMZDAMRW";
    static final String TOTP_SECRET_HEX = "53656e74696e656c546f74704b65792332303236";
    static final String VAULT_PASSPHRASE = "SentinelVaultPassphrase-51f3e";

    static final SandboxAccount ACCOUNT = SandboxAccount.of(API_KEY, CLIENT_CODE, MPIN, TOTP_SECRET);

    private Sentinels() {
    }
}
