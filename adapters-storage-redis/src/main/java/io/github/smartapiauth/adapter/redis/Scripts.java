package io.github.smartapiauth.adapter.redis;

/**
 * The Lua scripts that make each multi-step change atomic on the Redis server. Keys and
 * arguments are documented in {@code docs/redis-format.md}.
 */
final class Scripts {

    /**
     * Grants the lease when nobody holds it, and returns the grant's fencing token (0 when held).
     * A missing counter (a new account, or a Redis that lost its data in a restart) starts at the
     * server's time in microseconds, so tokens keep growing across a restart that loses data.
     * KEYS: lease, fence. ARGV: owner id, lease time in ms.
     */
    static final String ACQUIRE = String.join("\n",
            "if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end",
            "if redis.call('EXISTS', KEYS[2]) == 0 then",
            "  local t = redis.call('TIME')",
            "  redis.call('SET', KEYS[2], string.format('%d', tonumber(t[1]) * 1000000 + tonumber(t[2])))",
            "end",
            "return redis.call('INCR', KEYS[2])");

    /** Deletes the lease only when this owner still holds it. KEYS: lease. ARGV: owner id. */
    static final String RELEASE = String.join("\n",
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end",
            "return 0");

    /** Extends the lease only when this owner still holds it. KEYS: lease. ARGV: owner id, lease time in ms. */
    static final String EXTEND = String.join("\n",
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end",
            "return 0");

    /**
     * Writes the sealed session with its time to live and announces it, unless the writer's
     * fencing token (of the lease the write is made under) is no longer the latest grant.
     * Returns 1 when written, 0 when fenced out. KEYS: session, fence. ARGV: sealed bytes, time to
     * live in ms, fencing token, channel, message.
     */
    static final String SAVE = String.join("\n",
            "if redis.call('GET', KEYS[2]) ~= ARGV[3] then return 0 end",
            "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])",
            "redis.call('PUBLISH', ARGV[4], ARGV[5])",
            "return 1");

    /** Deletes the session under the same fence check as {@link #SAVE}. KEYS: session, fence. ARGV: fencing token. */
    static final String DELETE = String.join("\n",
            "if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end",
            "redis.call('DEL', KEYS[1])",
            "return 1");

    private Scripts() {
    }
}
