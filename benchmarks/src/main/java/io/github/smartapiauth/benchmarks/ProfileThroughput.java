package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sandbox's getProfile throughput with rate limits off: a few client threads in the same JVM,
 * each sending requests back to back over keep-alive connections with the JDK HttpClient, every
 * answer checked for HTTP 200. Client and server share the machine's cores, as on CI.
 *
 * <p>Usage: {@code ProfileThroughput [clientThreads] [warmupSeconds] [seconds] [results.properties]
 * [httpclient|urlconnection] [stalledConnections]}: {@code java.net.http.HttpClient} (the default), or
 * the JDK's lighter {@code HttpURLConnection}, to tell the server's capacity from the client's cost.
 * With {@code stalledConnections > 0}, a second measurement in the same run holds that many
 * connections open that never finish their request (one byte of a request line, or a promised
 * body never sent) and reports its throughput as a ratio of the first.
 */
public final class ProfileThroughput {

    private static final PrintStream OUT = System.out;

    private ProfileThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String client = args.length > 4 ? args[4] : "httpclient";
        int stalled = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        SandboxAccount account = SandboxAccount.demo();
        // Stalled connections must stay stalled for the whole measurement: a request timeout longer than the run.
        Duration requestTimeout = Duration.ofSeconds(2L * (warmup + seconds) + 60);
        try (SmartApiSandbox sandbox = Sandboxes.started(Clock.systemUTC(), requestTimeout)) {
            RawCalls raw = new RawCalls(sandbox.baseUri());
            boolean urlConnection = "urlconnection".equals(client);
            String jwt = jwtOf(raw.login(account, account.totpAt(Clock.systemUTC().instant())));
            if (!RawCalls.succeeded(raw.profile(account, jwt))) {
                throw new IllegalStateException("the sandbox refused the profile call");
            }
            Measured baseline = measure(raw, account, jwt, threads, warmup, seconds, urlConnection);
            OUT.printf(Locale.ROOT, "getProfile: %d requests in %.2f s with %d client threads (%s): %.0f requests/s%n",
                    baseline.count(), baseline.elapsed(), threads, client, baseline.perSecond());
            Results results = new Results();
            String prefix = "throughput." + client + ".";
            results.put(prefix + "threads", threads).put(prefix + "seconds", seconds)
                    .put(prefix + "requests", baseline.count())
                    .put(prefix + "perSecond", String.format(Locale.ROOT, "%.0f", baseline.perSecond()));
            if (stalled > 0) {
                Measured underAbuse;
                int stillStalled;
                try (StalledConnections held = StalledConnections.open(sandbox.baseUri(), stalled)) {
                    underAbuse = measure(raw, account, jwt, threads, warmup, seconds, urlConnection);
                    stillStalled = held.stillOpen();
                }
                // Measured again after, so a JIT still warming up in the first one cannot flatter the ratio:
                // the ratio is taken against the faster of the two baselines.
                Measured after = measure(raw, account, jwt, threads, warmup, seconds, urlConnection);
                double best = Math.max(baseline.perSecond(), after.perSecond());
                double ratio = underAbuse.perSecond() / best;
                {
                    OUT.printf(Locale.ROOT, "getProfile with %d stalled connections held open (%d still open at the end):"
                                    + " %.0f requests/s; without: %.0f before and %.0f after; %.2fx the faster"
                                    + " (goal: at least 0.8x)%n",
                            stalled, stillStalled, underAbuse.perSecond(), baseline.perSecond(), after.perSecond(), ratio);
                    results.put(prefix + "baselineAfterPerSecond", String.format(Locale.ROOT, "%.0f", after.perSecond()));
                    results.put(prefix + "stalled", stalled).put(prefix + "stalledStillOpen", stillStalled)
                            .put(prefix + "stalledPerSecond", String.format(Locale.ROOT, "%.0f", underAbuse.perSecond()))
                            .put(prefix + "stalledRatio", String.format(Locale.ROOT, "%.2f", ratio));
                }
            }
            if (args.length > 3) {
                results.writeTo(Path.of(args[3]));
            }
        }
    }

    private record Measured(long count, double elapsed) {
        double perSecond() {
            return count / elapsed;
        }
    }

    private static Measured measure(RawCalls raw, SandboxAccount account, String jwt, int threads, int warmup,
                                    int seconds, boolean urlConnection) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    if (urlConnection) {
                        raw.profileByUrlConnection(account, jwt);
                    } else {
                        raw.profile(account, jwt);
                    }
                    done.increment();
                }
            }, "load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(Duration.ofSeconds(warmup).toMillis());
        long before = done.sum();
        long start = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        long count = done.sum() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        return new Measured(count, elapsed);
    }

    private static String jwtOf(byte[] loginAnswer) {
        String text = new String(loginAnswer, java.nio.charset.StandardCharsets.UTF_8);
        int key = text.indexOf("\"jwtToken\"");
        int start = text.indexOf('"', text.indexOf(':', key) + 1) + 1;
        String jwt = text.substring(start, text.indexOf('"', start));
        return jwt.startsWith("Bearer ") ? jwt.substring(7) : jwt;
    }
}
