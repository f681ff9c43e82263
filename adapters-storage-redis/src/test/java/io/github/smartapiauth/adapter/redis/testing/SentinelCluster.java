package io.github.smartapiauth.adapter.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One primary, one replica and three {@code redis-sentinel} processes watching them (quorum 2,
 * primary down after 1 s), all real, on free loopback ports. {@link #killPrimary()} kills the
 * primary with SIGKILL; {@link #awaitPromotion} waits until the sentinels name the replica as the
 * new primary. Without {@code redis-sentinel} installed, {@link #start()} fails saying how to
 * install it (Debian: {@code apt-get install -y redis-sentinel}; {@code .ci/run} does).
 */
public final class SentinelCluster implements AutoCloseable {

    public static final String MASTER = "mymaster";
    private static final Duration READY = Duration.ofSeconds(30);

    private final RedisServer primary;
    private final RedisServer replica;
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final List<Process> sentinels = new ArrayList<>();
    private final Path dir;

    private SentinelCluster(RedisServer primary, RedisServer replica, Path dir) {
        this.primary = primary;
        this.replica = replica;
        this.dir = dir;
    }

    public static SentinelCluster start() throws IOException, InterruptedException {
        String executable = RedisServer.executable("redis-sentinel", "redis-sentinel");
        RedisServer primary = RedisServer.start();
        RedisServer replica = RedisServer.startReplicaOf(primary.port());
        SentinelCluster cluster = new SentinelCluster(primary, replica, Files.createTempDirectory("sentinels"));
        try {
            cluster.awaitReplicaLinkUp();
            for (int i = 0; i < 3; i++) {
                cluster.launchSentinel(executable, i);
            }
            cluster.awaitSentinelsKnowEachOther();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-sentinel://127.0.0.1:<s1>,127.0.0.1:<s2>,127.0.0.1:<s3>/mymaster}. */
    public URI uri() {
        StringBuilder hosts = new StringBuilder();
        for (int port : sentinelPorts) {
            hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(port);
        }
        return URI.create("redis-sentinel://" + hosts + "/" + MASTER);
    }

    public RedisServer primary() {
        return primary;
    }

    public RedisServer replica() {
        return replica;
    }

    /** Kills the primary at once (SIGKILL: no shutdown, nothing more is replicated). */
    public void killPrimary() throws InterruptedException {
        primary.stop();
    }

    /** Waits until every sentinel names the replica as the primary; returns how long it took. */
    public Duration awaitPromotion(Duration bound) throws InterruptedException, IOException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (true) {
            boolean all = true;
            for (int port : sentinelPorts) {
                Object address = call(port, "SENTINEL", "get-master-addr-by-name", MASTER);
                all &= address instanceof List<?> list && list.size() == 2
                        && String.valueOf(list.get(1)).equals(Integer.toString(replica.port()));
            }
            if (all && "master".equals(role(replica.port()))) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the sentinels did not promote the replica within " + bound + "; logs in " + dir);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Waits until the replica has every write the primary made so far (WAIT 1 on the primary). */
    public void awaitReplicated() throws IOException {
        Object acknowledged = call(primary.port(), "WAIT", "1", "5000");
        if (!(acknowledged instanceof Long count) || count < 1) {
            throw new AssertionError("the replica did not acknowledge the primary's writes: " + acknowledged);
        }
    }

    private String role(int port) throws IOException {
        Object role = call(port, "ROLE");
        return role instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : String.valueOf(role);
    }

    private void awaitReplicaLinkUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (!String.valueOf(call(replica.port(), "INFO", "replication")).contains("master_link_status:up")) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the replica did not connect to the primary within " + READY);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private void launchSentinel(String executable, int index) throws IOException {
        int port = RedisServer.freePort();
        Path config = dir.resolve("sentinel-" + index + ".conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "daemonize no",
                "dir " + dir,
                "sentinel monitor " + MASTER + " 127.0.0.1 " + primary.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER + " 1000",
                "sentinel failover-timeout " + MASTER + " 10000",
                "sentinel parallel-syncs " + MASTER + " 1", ""));
        Process process = new ProcessBuilder(List.of(executable, config.toString(), "--loglevel", "verbose"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sentinel-" + index + ".log").toFile()).start();
        sentinels.add(process);
        sentinelPorts.add(port);
    }

    private void awaitSentinelsKnowEachOther() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        for (int port : sentinelPorts) {
            while (!(sizeOf(safeCall(port, "SENTINEL", "replicas", MASTER)) == 1
                    && sizeOf(safeCall(port, "SENTINEL", "sentinels", MASTER)) == 2)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the sentinels did not find the replica and each other within " + READY
                            + "; logs in " + dir);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static int sizeOf(Object reply) {
        return reply instanceof List<?> list ? list.size() : -1;
    }

    private static Object safeCall(int port, String... words) {
        try {
            return call(port, words);
        } catch (IOException notYet) {
            return null;
        }
    }

    /** Sends one command and reads its reply (RESP2): a String, Long, List, or null. */
    public static Object call(int port, String... words) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(word).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(socket.getInputStream());
        }
    }

    private static Object reply(InputStream in) throws IOException {
        String line = RedisServer.readLine(in);
        if (line.isEmpty()) {
            throw new IOException("no reply");
        }
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+', '-':
                return rest;
            case ':':
                return Long.parseLong(rest);
            case '$': {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return null;
                }
                String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                in.readNBytes(2);
                return text;
            }
            case '*': {
                int count = Integer.parseInt(rest);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                return items;
            }
            default:
                throw new IOException("unexpected reply " + line);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process sentinel : sentinels) {
            sentinel.destroyForcibly();
        }
        for (Process sentinel : sentinels) {
            sentinel.waitFor(30, TimeUnit.SECONDS);
        }
        replica.close();
        primary.close();
    }
}
