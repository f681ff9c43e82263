package io.github.smartapiauth.adapter.redis;

/**
 * The Lua scripts that make each multi-step change atomic on the Redis server. Keys and
 * arguments are documented in {@code docs/redis-format.md}.
 */
final class Scripts {

    /**
     * Grants the lease when nobody holds it, and returns the grant's fencing token (0 when held):
     * the greater of the last token plus one and the server's time in microseconds. The time part
     * keeps tokens growing where the counter went back: a restart that lost the data, or a failover
     * to a replica that had not received the last increments (docs/redis-format.md).
     * KEYS: lease, fence. ARGV: owner id, lease time in ms.
     */
    static final String ACQUIRE = String.join("\n",
            "if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000000 + tonumber(t[2])",
            "local token = tonumber(redis.call('GET', KEYS[2]) or '0') + 1",
            "if now > token then token = now end",
            "redis.call('SET', KEYS[2], string.format('%d', token))",
            "return token");

    /** Deletes the lease only when this owner still holds it. KEYS: lease. ARGV: owner id. */
    static final String RELEASE = String.join("\n",
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end",
            "return 0");

    /** Extends the lease only when this owner still holds it. KEYS: lease. ARGV: owner id, lease time in ms. */
    static final String EXTEND = String.join("\n",
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end",
            "return 0");

    /**
     * Writes the sealed session with its time to live, lifts a logout tombstone and announces it,
     * unless the writer's fencing token (of the lease the write is made under) is no longer the
     * latest grant, or a tombstone stands and the write is not an explicit login's (a renewal, a
     * write-back): only an explicit login lifts a logout, checked here with the write. Returns 1
     * when written, 0 when fenced out, 2 when refused for the tombstone. KEYS: session, fence,
     * tombstone. ARGV: sealed bytes, time to live in ms, fencing token, channel, message, "1" for
     * an explicit login else "0".
     */
    static final String SAVE = String.join("\n",
            "if redis.call('GET', KEYS[2]) ~= ARGV[3] then return 0 end",
            "if ARGV[6] ~= '1' and redis.call('EXISTS', KEYS[3]) == 1 then return 2 end",
            "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])",
            "redis.call('DEL', KEYS[3])",
            "redis.call('PUBLISH', ARGV[4], ARGV[5])",
            "return 1");

    /**
     * Logs the account out everywhere under the same fence check as {@link #SAVE}: deletes the
     * session, leaves a tombstone that lives as long as the session would have, and at least the
     * logout memory (a process that missed the notice holds a session that may outlive the one
     * stored, and must still find the logout when it next renews), and announces it. KEYS:
     * session, fence, tombstone. ARGV: fencing token, logout memory in ms, channel, message.
     */
    static final String DELETE = String.join("\n",
            "if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end",
            "local ttl = redis.call('PTTL', KEYS[1])",
            "local memory = tonumber(ARGV[2])",
            "if ttl < memory then ttl = memory end",
            "redis.call('SET', KEYS[3], ARGV[4], 'PX', ttl)",
            "redis.call('DEL', KEYS[1])",
            "redis.call('PUBLISH', ARGV[3], ARGV[4])",
            "return 1");

    private Scripts() {
    }
}
