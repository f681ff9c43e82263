package io.github.smartapiauth.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds accounts by the API key of their app and by client code (case-insensitively). */
final class AccountDirectory {

    private final Map<String, AccountState> byApiKey = new HashMap<>();
    private final Map<String, AccountState> byClientCode = new HashMap<>();

    AccountDirectory(List<SandboxAccount> accounts) {
        for (SandboxAccount account : accounts) {
            AccountState state = new AccountState(account);
            if (byApiKey.putIfAbsent(account.apiKey(), state) != null) {
                throw new IllegalArgumentException("two accounts share an API key (one is " + account.clientCode() + ")");
            }
            if (byClientCode.putIfAbsent(normalise(account.clientCode()), state) != null) {
                throw new IllegalArgumentException("two accounts share the client code " + account.clientCode());
            }
        }
    }

    AccountState byApiKey(String apiKey) {
        return apiKey == null ? null : byApiKey.get(apiKey);
    }

    AccountState byClientCode(String clientCode) {
        return clientCode == null ? null : byClientCode.get(normalise(clientCode));
    }

    static String normalise(String clientCode) {
        return clientCode.strip().toUpperCase(Locale.ROOT);
    }
}
