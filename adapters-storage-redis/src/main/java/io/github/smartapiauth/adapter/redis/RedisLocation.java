package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.error.ConfigurationException;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where Redis is, from a URI: {@code redis://[:password@]host[:port][/database]} ({@code rediss://}
 * for TLS), or, through Redis Sentinel, {@code redis-sentinel://[:password@]host1[:port1][,host2[:port2]...]/master[/database]}
 * ({@code rediss-sentinel://} for TLS). With Sentinel, Lettuce asks the sentinels for the primary
 * at every connect, so it follows a failover; the password is the data nodes' (the sentinels are
 * asked without one). Descriptions and errors never show the password.
 */
record RedisLocation(RedisURI lettuce, String description, List<String> secrets) {

    static final int SENTINEL_PORT = 26379;

    static RedisLocation of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "redis", "rediss" -> direct(uri);
            case "redis-sentinel", "rediss-sentinel" -> sentinel(uri, scheme.equals("rediss-sentinel"));
            default -> throw new ConfigurationException("not a Redis URI: the scheme must be redis, rediss,"
                    + " redis-sentinel or rediss-sentinel (redis://[:password@]host[:port][/database], or"
                    + " redis-sentinel://host1:26379,host2:26379/master[/database])");
        };
    }

    private static RedisLocation direct(URI uri) {
        RedisURI lettuce;
        try {
            lettuce = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("not a Redis URI (redis://[:password@]host[:port][/database] or"
                    + " rediss://...): " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
        if (uri.getHost() == null) {
            throw new ConfigurationException("the Redis URI names no host (redis://[:password@]host[:port][/database])");
        }
        String description = (lettuce.isSsl() ? "rediss://" : "redis://") + lettuce.getHost() + ":"
                + lettuce.getPort() + "/" + lettuce.getDatabase();
        return new RedisLocation(lettuce, description, passwords(uri.getRawUserInfo()));
    }

    private static RedisLocation sentinel(URI uri, boolean ssl) {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new ConfigurationException("the Redis Sentinel URI names no sentinel"
                    + " (redis-sentinel://host1:26379,host2:26379/master)");
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = path.replaceFirst("^/", "").split("/");
        if (segments.length == 0 || segments[0].isEmpty()) {
            throw new ConfigurationException("the Redis Sentinel URI names no master: add its name as the path"
                    + " (redis-sentinel://host1:26379,host2:26379/mymaster)");
        }
        if (segments.length > 2) {
            throw new ConfigurationException("the Redis Sentinel URI's path has more than a master name and a"
                    + " database number (redis-sentinel://hosts/master[/database])");
        }
        String master = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
        int database = 0;
        if (segments.length == 2) {
            try {
                database = Integer.parseInt(segments[1]);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("the Redis Sentinel URI's database is not a number (after the"
                        + " master name: redis-sentinel://hosts/master/0)");
            }
        }
        List<String[]> nodes = new ArrayList<>();
        for (String node : hosts.split(",")) {
            String trimmed = node.trim();
            if (trimmed.isEmpty()) {
                throw new ConfigurationException("the Redis Sentinel URI has an empty sentinel between commas");
            }
            int colon = trimmed.lastIndexOf(':');
            String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
            String port = colon < 0 ? Integer.toString(SENTINEL_PORT) : trimmed.substring(colon + 1);
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65535 || host.isEmpty()) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConfigurationException("the Redis Sentinel URI has a sentinel that is not host:port"
                        + " (sentinel " + (nodes.size() + 1) + ")");
            }
            nodes.add(new String[] {host, port});
        }
        RedisURI.Builder builder = RedisURI.Builder.sentinel(nodes.get(0)[0], Integer.parseInt(nodes.get(0)[1]),
                master);
        for (String[] node : nodes.subList(1, nodes.size())) {
            builder.withSentinel(node[0], Integer.parseInt(node[1]));
        }
        List<String> secrets = passwords(userInfo);
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String password = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(colon + 1),
                    StandardCharsets.UTF_8);
            if (colon > 0) {
                builder.withAuthentication(URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8),
                        password.toCharArray());
            } else {
                builder.withPassword(password.toCharArray());
            }
        }
        RedisURI lettuce = builder.withSsl(ssl).withDatabase(database).build();
        StringBuilder description = new StringBuilder(ssl ? "rediss-sentinel://" : "redis-sentinel://");
        for (int i = 0; i < nodes.size(); i++) {
            description.append(i == 0 ? "" : ",").append(nodes.get(i)[0]).append(':').append(nodes.get(i)[1]);
        }
        description.append('/').append(master).append('/').append(database);
        return new RedisLocation(lettuce, description.toString(), secrets);
    }

    /** The password of a URI's raw user info, as written and decoded; empty without one. */
    private static List<String> passwords(String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return List.of();
        }
        int colon = rawUserInfo.indexOf(':');
        String raw = colon < 0 ? rawUserInfo : rawUserInfo.substring(colon + 1);
        if (raw.isEmpty()) {
            return List.of();
        }
        String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        return raw.equals(decoded) ? List.of(raw) : List.of(raw, decoded);
    }

    @Override
    public String toString() {
        return description;
    }
}
