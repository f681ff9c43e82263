package io.github.smartapiauth.adapter.redis;

import static io.github.smartapiauth.adapter.redis.RedisSessionStore.text;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The account's lease as a Redis key set with NX and an expiry, holding a random owner id; each
 * grant increments the account's fencing counter in the same script. While held, the lease is
 * extended every third of its time, so only a holder that stops (crash, pause, lost network) lets
 * it lapse; the next grant then gets a greater token and the stalled holder's writes (which carry
 * its lease, hence its token, to the store) are refused.
 */
final class RedisSessionLease implements SessionLeasePort {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Connections redis;
    private final Keys keys;
    private final Duration leaseTime;
    private final ScheduledExecutorService extender;

    RedisSessionLease(Connections redis, Keys keys, Duration leaseTime,
                      ScheduledExecutorService extender) {
        this.redis = redis;
        this.keys = keys;
        this.leaseTime = leaseTime;
        this.extender = extender;
    }

    @Override
    public Lease acquire(ClientCode account, Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(account, "account");
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the session lease of " + account);
            }
            long token = grant(account, owner);
            if (token > 0) {
                return new Held(account, owner, token);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SessionStoreException("the session lease of " + account + " is held by another renewer;"
                        + " waited " + maxWait + " for it");
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    private long grant(ClientCode account, String owner) throws InterruptedException {
        try {
            Long token = redis.callInterruptibly("taking the session lease of " + account, commands -> commands.eval(
                    Scripts.ACQUIRE, ScriptOutputType.INTEGER, new String[] {keys.lease(account), keys.fence(account)},
                    text(owner), text(Long.toString(leaseTime.toMillis()))));
            return token == null ? 0 : token;
        } catch (InterruptedException e) {
            // The grant may have happened before the interrupt: give it back rather than wait for it to lapse.
            release(account, owner);
            throw e;
        }
    }

    /** Gives the lease back if {@code owner} still holds it; nobody waits on the outcome. */
    void release(ClientCode account, String owner) {
        redis.send("releasing the session lease of " + account, commands -> commands.<Long>eval(Scripts.RELEASE,
                ScriptOutputType.INTEGER, new String[] {keys.lease(account)}, text(owner)));
    }

    /** The owner id a lease of this adapter was granted under, or empty for any other lease. */
    static java.util.Optional<String> ownerOf(Lease lease) {
        return lease instanceof Held held ? java.util.Optional.of(held.owner) : java.util.Optional.empty();
    }

    private final class Held implements Lease {
        private final ClientCode account;
        private final String owner;
        private final long token;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final ScheduledFuture<?> extension;

        Held(ClientCode account, String owner, long token) {
            this.account = account;
            this.owner = owner;
            this.token = token;
            long every = Math.max(1, leaseTime.toMillis() / 3);
            this.extension = extender.scheduleAtFixedRate(this::extend, every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public long fencingToken() {
            return token;
        }

        private void extend() {
            redis.send("extending the session lease of " + account, commands -> commands.<Long>eval(Scripts.EXTEND,
                    ScriptOutputType.INTEGER, new String[] {keys.lease(account)}, text(owner),
                    text(Long.toString(leaseTime.toMillis())))).thenAccept(extended -> {
                        if (extended != null && extended == 0) {
                            // Lapsed and perhaps granted to another: nothing left to extend.
                            extension.cancel(false);
                        }
                    });
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            extension.cancel(false);
            try {
                // Waits without being interruptible, at most the command timeout.
                redis.send("releasing the session lease of " + account, commands -> commands.<Long>eval(
                        Scripts.RELEASE, ScriptOutputType.INTEGER, new String[] {keys.lease(account)}, text(owner)))
                        .toCompletableFuture().join();
            } catch (RuntimeException unreleased) {
                // Redis is unreachable: the lease lapses by itself at its expiry.
            }
        }

        @Override
        public String toString() {
            return "RedisLease[" + account + ", fencing token " + token + "]";
        }
    }
}
