package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which fencing token each thread holds for each account, shared by the lease (which records
 * grants) and the store (whose writes carry the token). The session port's {@code save(Session)}
 * takes no lease, but the core saves on the thread that holds the lease, so the thread is how a
 * write finds its fence. A write from a thread that holds no lease is not fenced.
 */
final class HeldFences {

    /** No lease held: the write is not checked. */
    static final long NONE = 0;

    private final ConcurrentMap<Holder, Long> held = new ConcurrentHashMap<>();

    void hold(Thread thread, ClientCode account, long token) {
        held.put(new Holder(thread, account), token);
    }

    void release(Thread thread, ClientCode account, long token) {
        held.remove(new Holder(thread, account), token);
    }

    long heldByCurrentThread(ClientCode account) {
        return held.getOrDefault(new Holder(Thread.currentThread(), account), NONE);
    }

    private record Holder(Thread thread, ClientCode account) {
    }
}
