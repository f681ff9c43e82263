package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session of each account this process last read from or wrote to Redis, i.e. the one it
 * serves: what it writes back when Redis comes back without it. An account is forgotten when this
 * process deletes it, and when another process announces a change (it then holds its own, newer
 * session or logged the account out; this process takes the change up by reading again).
 */
final class HeldSessions {

    private final Map<ClientCode, Session> held = new ConcurrentHashMap<>();

    void remember(Session session) {
        held.merge(session.clientCode(), session,
                (old, fresh) -> fresh.renewedAt().isBefore(old.renewedAt()) ? old : fresh);
    }

    void forget(ClientCode account) {
        held.remove(account);
    }

    Map<ClientCode, Session> snapshot() {
        return Map.copyOf(held);
    }
}
