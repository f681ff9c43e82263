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
 * [httpclient|urlconnection]}: {@code java.net.http.HttpClient} (the default), or the JDK's lighter
 * {@code HttpURLConnection}, to tell the server's capacity from the client's cost.
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
        SandboxAccount account = SandboxAccount.demo();
        try (SmartApiSandbox sandbox = Sandboxes.started(Clock.systemUTC())) {
            RawCalls raw = new RawCalls(sandbox.baseUri());
            boolean urlConnection = "urlconnection".equals(client);
            String jwt = jwtOf(raw.login(account, account.totpAt(Clock.systemUTC().instant())));
            if (!RawCalls.succeeded(raw.profile(account, jwt))) {
                throw new IllegalStateException("the sandbox refused the profile call");
            }
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
            double perSecond = count / elapsed;
            OUT.printf(Locale.ROOT, "getProfile: %d requests in %.2f s with %d client threads (%s): %.0f requests/s%n",
                    count, elapsed, threads, client, perSecond);
            if (args.length > 3) {
                String prefix = "throughput." + client + ".";
                new Results().put(prefix + "threads", threads).put(prefix + "seconds", seconds)
                        .put(prefix + "requests", count)
                        .put(prefix + "perSecond", String.format(Locale.ROOT, "%.0f", perSecond))
                        .writeTo(Path.of(args[3]));
            }
        }
    }

    private static String jwtOf(byte[] loginAnswer) {
        String text = new String(loginAnswer, java.nio.charset.StandardCharsets.UTF_8);
        int key = text.indexOf("\"jwtToken\"");
        int start = text.indexOf('"', text.indexOf(':', key) + 1) + 1;
        String jwt = text.substring(start, text.indexOf('"', start));
        return jwt.startsWith("Bearer ") ? jwt.substring(7) : jwt;
    }
}
