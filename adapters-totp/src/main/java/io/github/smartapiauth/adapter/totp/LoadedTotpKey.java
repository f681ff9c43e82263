package io.github.smartapiauth.adapter.totp;

import java.util.List;
import java.util.Objects;

/**
 * A loaded key and what the caller should tell the user about how it was stored (e.g. a
 * secret file that other users can read). The module has no logging dependency: the caller
 * logs or prints the warnings. Neither component's text contains the secret.
 *
 * @param key the key; wipe it once a generator was made from it
 * @param warnings secret-free advice, empty when all is well
 */
public record LoadedTotpKey(TotpKey key, List<String> warnings) {

    public LoadedTotpKey {
        Objects.requireNonNull(key, "key is required");
        warnings = List.copyOf(warnings);
    }
}
