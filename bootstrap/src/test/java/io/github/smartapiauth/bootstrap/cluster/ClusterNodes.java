package io.github.smartapiauth.bootstrap.cluster;

import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.ACCOUNT;
import static io.github.smartapiauth.bootstrap.cluster.RedisClusterTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs, each running {@link ClusterNode} (50 threads on one facade) against one sandbox and one
 * Redis, asked together line by line: the processes of the cluster tests.
 */
final class ClusterNodes implements AutoCloseable {

    /** One process's answer, split into words ({@code tokens <failed callers> <hash,hash...>}, {@code events ...}). */
    record Answer(int node, String[] words) {
    }

    private final List<Node> nodes;

    private ClusterNodes(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Starts {@code count} processes on the store at {@code redis}, each logging its stderr under {@code dir}. */
    static ClusterNodes start(int count, URI base, URI redis, byte[] key, Path dir) throws Exception {
        List<Node> started = new ArrayList<>();
        ClusterNodes cluster = new ClusterNodes(started);
        try {
            for (int i = 0; i < count; i++) {
                started.add(Node.start(i, base, redis, Base64.getEncoder().encodeToString(key),
                        dir.resolve("node-" + i + ".err")));
            }
            for (Node node : started) {
                assertThat(node.read()).isEqualTo("ready");
            }
            return cluster;
        } catch (Exception | AssertionError failed) {
            cluster.close();
            throw failed;
        }
    }

    /** Sets every process's clock to {@code at}, then has 50 threads in each ask at once; one answer a process. */
    List<Answer> tokens(Instant at) throws Exception {
        tellAll("time " + at);
        for (Node node : nodes) {
            assertThat(node.read()).isEqualTo("ok");
        }
        return askAll("tokens");
    }

    /** What each process counted of its session events. */
    List<Answer> events() throws Exception {
        return askAll("events");
    }

    private List<Answer> askAll(String question) throws Exception {
        tellAll(question);
        List<Answer> answers = new ArrayList<>();
        for (Node node : nodes) {
            answers.add(new Answer(node.index, node.read().split(" ")));
        }
        return answers;
    }

    private void tellAll(String line) throws Exception {
        for (Node node : nodes) {
            node.send(line);
        }
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            node.close();
        }
    }

    /** A child JVM running {@link ClusterNode}, talked to line by line. */
    private static final class Node implements AutoCloseable {
        final int index;
        private final Process process;
        private final BufferedReader out;
        private final Writer in;

        private Node(int index, Process process) {
            this.index = index;
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        static Node start(int index, URI base, URI redis, String key, Path errors) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(), T0.toString()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
            builder.environment().putAll(java.util.Map.of(
                    "SMARTAPI_API_KEY", ACCOUNT.apiKey(),
                    "SMARTAPI_CLIENT_CODE", ACCOUNT.clientCode(),
                    "SMARTAPI_PIN", ACCOUNT.mpin(),
                    "SMARTAPI_TOTP_SECRET", ACCOUNT.totpSecret(),
                    "SMARTAPI_BASE_URL", base.toString(),
                    "SMARTAPI_STORE", redis.toString(),
                    "SMARTAPI_REDIS_KEY", key,
                    "SMARTAPI_PACING", "false"));
            return new Node(index, builder.start());
        }

        void send(String line) throws Exception {
            in.write(line + "\n");
            in.flush();
        }

        String read() throws Exception {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(120, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("node " + index + " ended (exit " + process.waitFor() + "); see its stderr");
            }
            return line;
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                try {
                    send("quit");
                } catch (java.io.IOException gone) {
                    // Already ending.
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }
}
