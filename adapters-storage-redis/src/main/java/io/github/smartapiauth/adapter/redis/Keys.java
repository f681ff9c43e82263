package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.util.Optional;

/**
 * The Redis names of one deployment, all under one prefix. The account sits in a hash tag
 * ({@code {A1234567}}) so that one account's keys share a Redis Cluster slot, as the scripts that
 * touch several of them require.
 */
record Keys(String prefix) {

    /** The sealed session; expires with the session. */
    String session(ClientCode account) {
        return prefix + "{" + account.value() + "}:session";
    }

    /** The lease: the holder's random owner id, with the lease's expiry. */
    String lease(ClientCode account) {
        return prefix + "{" + account.value() + "}:lease";
    }

    /** The fencing counter: the token of the latest grant; never expires. */
    String fence(ClientCode account) {
        return prefix + "{" + account.value() + "}:fence";
    }

    /**
     * The logout tombstone: set when a process logs the account out, it lives until the logged-out
     * session would have ended, or until a save (an explicit login) removes it.
     */
    String tombstone(ClientCode account) {
        return prefix + "{" + account.value() + "}:logout";
    }

    /** Where a renewal of the account is announced. */
    String renewals(ClientCode account) {
        return prefix + "renewed:" + account.value();
    }

    /** The pattern that matches every account's renewal channel. */
    String allRenewals() {
        return prefix + "renewed:*";
    }

    /** The account a renewal channel belongs to, or empty for a channel that is not one. */
    Optional<ClientCode> accountOf(String channel) {
        String head = prefix + "renewed:";
        if (!channel.startsWith(head) || channel.length() == head.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClientCode.of(channel.substring(head.length())));
        } catch (IllegalArgumentException notAClientCode) {
            return Optional.empty();
        }
    }
}
