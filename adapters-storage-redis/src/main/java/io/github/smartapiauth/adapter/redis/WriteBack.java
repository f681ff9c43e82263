package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.application.port.out.SessionLeasePort.Lease;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Redis comes back, writes back each session this process holds that Redis lost (or holds
 * only in an older version). A session whose own save could not reach Redis is first written under
 * the lease it was renewed under, if nobody was granted that lease since: its lease still stands in
 * Redis (it could not be given back either), so no other process can renew meanwhile, and this write
 * comes before any of them (after a failover, one renewal for all rather than one more). Otherwise,
 * or then, under a new lease, whose fencing token the restarted Redis hands out
 * above every earlier grant, so a writer still holding a lease from before the loss is refused.
 * Skips sessions that ended, and accounts logged out since.
 */
final class WriteBack {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBack.class);

    private final HeldSessions held;
    private final RedisSessionStore store;
    private final RedisSessionLease lease;
    private final Clock clock;
    private final Duration leaseWait;

    WriteBack(HeldSessions held, RedisSessionStore store, RedisSessionLease lease, Clock clock, Duration leaseWait) {
        this.held = held;
        this.store = store;
        this.lease = lease;
        this.clock = clock;
        this.leaseWait = leaseWait;
    }

    List<RedisStoreEvent.WrittenBack> run() {
        List<RedisStoreEvent.WrittenBack> written = new ArrayList<>();
        for (Map.Entry<ClientCode, Session> entry : held.snapshot().entrySet()) {
            ClientCode account = entry.getKey();
            Session session = entry.getValue();
            if (!session.expiresAt().isAfter(clock.instant())) {
                held.forget(account);
                continue;
            }
            try {
                writeBack(account, session).ifPresent(written::add);
            } catch (SessionStoreException e) {
                LOG.warn("could not write back the session of {}: {}", account, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return written;
    }

    private Optional<RedisStoreEvent.WrittenBack> writeBack(ClientCode account, Session session)
            throws InterruptedException {
        Optional<HeldSessions.Unsaved> unsaved = held.unsaved(account, session);
        if (unsaved.isPresent()) {
            HeldSessions.Unsaved write = unsaved.get();
            switch (store.retry(write)) {
                case WRITTEN -> {
                    write.leaseOwner().ifPresent(owner -> lease.release(account, owner));
                    LOG.info("wrote the session of {} that could not be saved during the outage, under the lease it"
                            + " was renewed under (fencing token {})", account, write.fencingToken());
                    return Optional.of(new RedisStoreEvent.WrittenBack(account, write.fencingToken()));
                }
                case LOGGED_OUT -> {
                    held.forget(account);
                    return Optional.empty();
                }
                case SUPERSEDED -> {
                    // Another renewer was granted the lease since: its session (or logout) is the newer act, and this
                    // one, renewed from an older session, must not replace it.
                    held.forget(account);
                    return Optional.empty();
                }
                case GRANT_LOST -> {
                    // The failover (or restart) lost the grant itself: written back the usual way, under a new lease.
                }
            }
        }
        try (Lease granted = lease.acquire(account, leaseWait)) {
            if (store.loggedOut(account)) {
                held.forget(account);
                return Optional.empty();
            }
            Optional<Session> stored = store.load(account);
            if (stored.isPresent() && !session.renewedAt().isAfter(stored.get().renewedAt())) {
                return Optional.empty();
            }
            if (!store.saveUnlessLoggedOut(session, granted)) {
                // Logged out since the check above: the script refused it with the tombstone.
                held.forget(account);
                return Optional.empty();
            }
            LOG.info("wrote back the session of {} that Redis had lost (fencing token {})", account,
                    granted.fencingToken());
            return Optional.of(new RedisStoreEvent.WrittenBack(account, granted.fencingToken()));
        }
    }
}
