package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session of each account this process last read from or successfully wrote to Redis, i.e. the
 * one it serves: what it writes back when Redis comes back without it. An account is forgotten when
 * this process logs it out, deletes or removes it, and when another process announces a change (it
 * then holds its own, newer session or logged the account out; this process takes the change up by
 * reading again); a read or write under way at that moment does not bring it back.
 */
final class HeldSessions {

    /**
     * A save Redis did not take because it could not be reached, with the lease it was made under: once
     * Redis is back, the write may still be made under that lease (its fencing token), before anyone else can
     * take the lease, instead of under a new lease that every other process may win first.
     *
     * @param leaseOwner the owner id of the lease, to give it back after the write; empty for a lease of
     *     another adapter
     */
    record Unsaved(Session session, long fencingToken, java.util.Optional<String> leaseOwner, boolean explicitLogin) {
    }

    private final Map<ClientCode, Session> held = new ConcurrentHashMap<>();
    private final Map<ClientCode, Unsaved> unsaved = new ConcurrentHashMap<>();
    /** Per account, how many times it was forgotten: a read or write begun before a forget is not remembered. */
    private final Map<ClientCode, Long> forgets = new ConcurrentHashMap<>();

    /** What to hand to {@link #rememberUnlessForgotten} for a read or write that begins now. */
    long generation(ClientCode account) {
        return forgets.getOrDefault(account, 0L);
    }

    /**
     * Holds {@code session} (unless an earlier-renewed one), but only when its account was not
     * forgotten since {@code generation} was taken: a read or write that was under way when the
     * account was logged out, or another process announced a change, brings nothing back.
     */
    void rememberUnlessForgotten(Session session, long generation) {
        ClientCode account = session.clientCode();
        // Under the account's entry of forgets, so that a forget cannot fall between the check and the write.
        forgets.compute(account, (key, count) -> {
            long now = count == null ? 0L : count;
            if (now == generation) {
                Session kept = held.merge(account, session,
                        (old, fresh) -> fresh.renewedAt().isBefore(old.renewedAt()) ? old : fresh);
                // Redis holds what was read or written now: an earlier unsaved write is moot.
                unsaved.computeIfPresent(account, (ignored, write) -> write.session() == kept ? write : null);
            }
            return count;
        });
    }

    /** Holds a session whose save could not reach Redis, with its lease (see {@link Unsaved}), unless forgotten since. */
    void rememberUnsaved(Unsaved write, long generation) {
        ClientCode account = write.session().clientCode();
        forgets.compute(account, (key, count) -> {
            long now = count == null ? 0L : count;
            if (now == generation) {
                Session kept = held.merge(account, write.session(),
                        (old, fresh) -> fresh.renewedAt().isBefore(old.renewedAt()) ? old : fresh);
                if (kept == write.session()) {
                    unsaved.put(account, write);
                }
            }
            return count;
        });
    }

    /** The unsaved write of the session held for the account, if its save could not reach Redis. */
    java.util.Optional<Unsaved> unsaved(ClientCode account, Session session) {
        return java.util.Optional.ofNullable(unsaved.get(account)).filter(write -> write.session() == session);
    }

    void forget(ClientCode account) {
        forgets.compute(account, (key, count) -> {
            held.remove(account);
            unsaved.remove(account);
            return count == null ? 1L : count + 1;
        });
    }

    Map<ClientCode, Session> snapshot() {
        return Map.copyOf(held);
    }
}
