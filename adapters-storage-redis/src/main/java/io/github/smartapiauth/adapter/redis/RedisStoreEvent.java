package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to the connection with Redis, as {@link RedisSessions#onStoreEvent} reports it:
 * an outage, then the recovery with the sessions this process wrote back because Redis had lost
 * them. Never carries a secret.
 */
public sealed interface RedisStoreEvent {

    Instant at();

    /** The connection to Redis ({@code where}: host, port and database, never the password) was lost. */
    record Outage(Instant at, String where) implements RedisStoreEvent {
        public Outage {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(where, "where");
        }
    }

    /**
     * The connection is back after being {@code down} for that long; {@code writtenBack} lists the
     * sessions this process held and Redis no longer had (a restart without persistence, a failover
     * that lost the last writes), now written back under a new lease.
     */
    record Recovered(Instant at, String where, Duration down, List<WrittenBack> writtenBack)
            implements RedisStoreEvent {
        public Recovered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(down, "down");
            writtenBack = List.copyOf(writtenBack);
        }
    }

    /** One session written back after a loss of data, under the lease with this fencing token. */
    record WrittenBack(ClientCode account, long fencingToken) {
        public WrittenBack {
            Objects.requireNonNull(account, "account");
        }
    }
}
