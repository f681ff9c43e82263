package io.github.smartapiauth.adapter.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, for tests. When
 * {@code redis-server} is not installed, {@link #start()} fails with how to install it: the
 * tests never skip (CI's {@code .ci/run} installs it).
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final String password;
    /** The primary's port when this server is its replica, else 0. */
    private final int primaryPort;
    private Process process;
    private ServerOutput output;
    /** The server's working directory (a replica's sync writes its dump there), removed on close. */
    private Path workDir;

    private RedisServer(int port, String password) {
        this(port, password, 0);
    }

    private RedisServer(int port, String password, int primaryPort) {
        this.port = port;
        this.password = password;
        this.primaryPort = primaryPort;
    }

    /** Starts a replica of the server on {@code primaryPort} (no password, no persistence). */
    public static RedisServer startReplicaOf(int primaryPort) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(freePort(), null, primaryPort);
        server.launch();
        return server;
    }

    /** Starts a server on a free port. */
    public static RedisServer start() throws IOException, InterruptedException {
        RedisServer server = new RedisServer(freePort(), null);
        server.launch();
        return server;
    }

    /** Starts a server on a free port that asks every client for {@code password} (requirepass). */
    public static RedisServer startWithPassword(String password) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(freePort(), password);
        server.launch();
        return server;
    }

    /** The server's URI, with its password when it has one. */
    public URI uri() {
        return URI.create("redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port + "/0");
    }

    public int port() {
        return port;
    }

    /** Kills the server (all data is lost: it persists nothing). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("redis-server did not stop");
            }
        }
        process = null;
    }

    /**
     * Snapshots the data to disk and kills the server (SIGKILL): like a primary that replicated what it held
     * and died, as the replica promoted in its place holds it. {@link #startAgain()} brings it back with that data.
     */
    public void killKeepingData() throws IOException, InterruptedException {
        String saved = command("SAVE");
        if (!saved.equals("+OK")) {
            throw new AssertionError("redis-server did not save: " + saved);
        }
        stop();
    }

    /** Starts the server again on the same port, with whatever its last snapshot holds. */
    public void startAgain() throws IOException, InterruptedException {
        launch();
    }

    /** Starts the server again on the same port, empty. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    /** Sends one command (inline protocol) and returns the first line of the reply. */
    public String command(String... words) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(word).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        }
    }

    /** The raw value of a key (GET), or null when there is none. */
    public byte[] get(String key) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("*2\r\n$3\r\nGET\r\n$" + name.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(name);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readLine(in);
            if (head.equals("$-1") || head.equals("_")) {
                return null;
            }
            int length = Integer.parseInt(head.substring(1));
            byte[] value = in.readNBytes(length);
            in.readNBytes(2);
            return value;
        }
    }

    /** Replaces the raw value of a key, keeping its time to live. */
    public void set(String key, byte[] value) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("*4\r\n$3\r\nSET\r\n$" + name.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(name);
            out.write(("\r\n$" + value.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(value);
            out.write("\r\n$7\r\nKEEPTTL\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = readLine(socket.getInputStream());
            if (!reply.equals("+OK")) {
                throw new IOException("SET failed: " + reply);
            }
        }
    }

    private void launch() throws IOException, InterruptedException {
        String executable = executable();
        if (workDir == null) {
            workDir = Files.createTempDirectory("redis-server-" + port);
        }
        Path log = Files.createTempFile("redis-server-" + port, ".log");
        // Verbose, on stdout: the server says when it is ready and when it accepts a connection.
        List<String> command = new java.util.ArrayList<>(List.of(executable, "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "verbose",
                "--logfile", "", "--dir", workDir.toString()));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        if (primaryPort != 0) {
            command.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        output = new ServerOutput(process.getInputStream(), log);
        if (!output.awaitReady(Duration.ofSeconds(20))) {
            stop();
            throw new AssertionError("redis-server did not become ready on port " + port + "; see " + log);
        }
    }

    /**
     * Waits until the server (since its last start) has accepted {@code count} more connections
     * than were awaited before, as it reports them: how a test knows that clients reconnected
     * after a {@link #restart()}. Fails when they did not within {@code bound}.
     */
    public void awaitAcceptedConnections(int count, Duration bound) throws InterruptedException {
        if (!output.awaitAccepted(count, bound)) {
            throw new AssertionError("redis-server accepted fewer than " + count + " connections within " + bound);
        }
    }

    /** The clients connected now, not counting the connection that asks. */
    public int connectedClients() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$7\r\nclients\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readLine(in);
            String info = new String(in.readNBytes(Integer.parseInt(head.substring(1))), StandardCharsets.UTF_8);
            for (String line : info.split("\r\n")) {
                if (line.startsWith("connected_clients:")) {
                    return Integer.parseInt(line.substring("connected_clients:".length()).trim()) - 1;
                }
            }
            throw new IOException("INFO clients has no connected_clients: " + info);
        }
    }

    private static String executable() {
        return executable("redis-server", "redis-server");
    }

    /** The path of {@code name} (on PATH or in /usr/bin, /usr/local/bin); fails naming the Debian package. */
    static String executable(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String fallback : List.of("/usr/bin/" + name, "/usr/local/bin/" + name)) {
            if (Files.isExecutable(Path.of(fallback))) {
                return fallback;
            }
        }
        throw new AssertionError(name + " is not installed, and the Redis tests need a real one: install it"
                + " (Debian/Ubuntu: apt-get install -y " + debianPackage + "; .ci/run does this on CI)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        if (c == '\r') {
            in.read();
        }
        return line.toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        if (workDir != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException leftBehind) {
                // A temporary directory: the system cleans it up.
            }
        }
    }
}
