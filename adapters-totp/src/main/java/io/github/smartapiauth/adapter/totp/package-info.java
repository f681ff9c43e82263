/**
 * TOTP codes for SmartAPI logins: the two {@code OneTimePasswordPort} adapters
 * ({@link io.github.smartapiauth.adapter.totp.GeneratedTotpAdapter} from the secret,
 * {@link io.github.smartapiauth.adapter.totp.TypedTotpAdapter} typed by a person), and the
 * ways to get a secret in: {@link io.github.smartapiauth.adapter.totp.Base32Decoder},
 * {@link io.github.smartapiauth.adapter.totp.KeyUriImporter} and
 * {@link io.github.smartapiauth.adapter.totp.TotpKeyLoader}.
 *
 * <p>Errors follow one rule. Text that comes from configuration or a person (a base32 secret,
 * a key URI, an environment variable, a file, a typed line, an account without a secret) is
 * checked here and a problem is a {@code ConfigurationException} whose message names the
 * problem and the fix and never contains the secret. A value object built wrongly by code
 * ({@link io.github.smartapiauth.adapter.totp.TotpParameters},
 * {@link io.github.smartapiauth.adapter.totp.TypedTotpSettings}, two secrets for one account
 * in a builder) throws {@link java.lang.IllegalArgumentException}; using a closed generator
 * throws {@link java.lang.IllegalStateException}.
 */
package io.github.smartapiauth.adapter.totp;
