package io.github.smartapiauth.bootstrap.cluster;

import io.github.smartapiauth.application.fake.MutableClock;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.ConfigReader;
import io.github.smartapiauth.bootstrap.config.ConfigSources;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One process of {@link RedisClusterTest}: the facade configured from its environment
 * (SMARTAPI_STORE=redis://...), on a clock the test sets. Answers one line per command:
 * {@code time <instant>}, {@code tokens} (50 threads ask at once: {@code tokens <failures> <hashes>}),
 * {@code events}, {@code quit}. Tokens are shown as hashes only.
 */
public final class ClusterNode {

    static final int THREADS = 50;

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse(args[0]));
        Map<String, AtomicInteger> events = Map.of("StoreFailed", new AtomicInteger(),
                "RenewalFailed", new AtomicInteger(), "Restored", new AtomicInteger());
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (SmartApiAuth auth = SmartApiAuth.builder()
                .config(ConfigReader.read(ConfigSources.of(Map.of(), System.getenv(), Optional.empty())))
                .clock(clock)
                .listener(event -> {
                    AtomicInteger count = events.get(event.getClass().getSimpleName());
                    if (count != null) {
                        count.incrementAndGet();
                    }
                })
                .build()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            answer("ready");
            for (String line; (line = in.readLine()) != null; ) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "time" -> {
                        clock.set(Instant.parse(words[1]));
                        answer("ok");
                    }
                    case "tokens" -> answer(tokens(auth, threads));
                    case "events" -> answer("events " + events.get("StoreFailed") + " " + events.get("RenewalFailed")
                            + " " + events.get("Restored"));
                    case "quit" -> {
                        answer("bye");
                        return;
                    }
                    default -> answer("unknown " + words[0]);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String tokens(SmartApiAuth auth, ExecutorService threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> asked = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            asked.add(threads.submit(() -> {
                start.await();
                return hash(auth.accessToken());
            }));
        }
        start.countDown();
        int failures = 0;
        Set<String> hashes = new TreeSet<>();
        for (Future<String> future : asked) {
            try {
                hashes.add(future.get(120, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                failures++;
                System.err.println("a caller failed: " + e.getCause());
            }
        }
        return "tokens " + failures + " " + String.join(",", hashes);
    }

    static String hash(String token) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static void answer(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
