package io.github.smartapiauth.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@code docs/benchmarks.md} from one run's results: JMH's CSV, the harnesses' properties
 * files and the run's log of commands. Every ratio is between two figures of this same run.
 *
 * <p>Usage: {@code BenchReport <results dir> <output.md> <mode>}; the results directory holds
 * JMH's {@code jmh-fast.json}, {@code jmh-slow.json}, {@code jmh-kdf.json}, {@code herd.properties}, {@code cold.properties}, {@code throughput-*.properties},
 * {@code machine.txt}, {@code commands.txt}, {@code notes.md} (optional, appended) and the raw logs.
 */
public final class BenchReport {

    private final Map<String, Score> scores = new LinkedHashMap<>();
    private final Properties values = new Properties();
    private final List<String> rows = new ArrayList<>();

    /**
     * One benchmark's result. {@code best} is its fastest measured iteration: on a shared machine other
     * processes only ever add time, so ratios are taken between best iterations (means are shown too).
     */
    private record Score(String name, double mean, double error, double best, String unit) {

        double score() {
            return best;
        }
    }

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String mode = args.length > 2 ? args[2] : "quick";
        BenchReport report = new BenchReport();
        for (String part : new String[] {"fast", "slow", "kdf"}) {
            report.readJmh(dir.resolve("jmh-" + part + ".json"));
        }
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".properties")).sorted()::iterator) {
                report.values.putAll(Results.read(file));
            }
        }
        Files.writeString(output, report.render(dir, mode), StandardCharsets.UTF_8);
    }

    private void readJmh(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode runs = new ObjectMapper().readTree(file.toFile());
        for (JsonNode run : runs) {
            String name = run.path("benchmark").asText().replace("io.github.smartapiauth.benchmarks.", "");
            JsonNode params = run.path("params");
            if (params.isObject() && params.size() > 0) {
                name = name + ":" + params.elements().next().asText();
            }
            JsonNode metric = run.path("primaryMetric");
            double best = Double.MAX_VALUE;
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    best = Math.min(best, iteration.asDouble());
                }
            }
            scores.put(name, new Score(name, metric.path("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN),
                    best, metric.path("scoreUnit").asText()));
        }
    }

    private double score(String name) {
        Score score = scores.get(name);
        return score == null ? Double.NaN : score.score();
    }

    private String figure(String name) {
        Score score = scores.get(name);
        return score == null ? "not measured" : format(score.best()) + " " + score.unit() + " (mean " + format(score.mean())
                + ")";
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : format(ratio) + "x";
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A row comparing {@code ours} to {@code baseline}: ratio = ours / baseline. */
    private void ratioRow(String what, String ours, String baseline, double atMost, String goal) {
        double ratio = score(ours) / score(baseline);
        String verdict = Double.isNaN(ratio) ? "not measured" : atMost == Double.MAX_VALUE ? "reported"
                : ratio <= atMost ? "**met**" : "**missed**";
        rows.add("| " + what + " | " + figure(ours) + " | " + figure(baseline) + " | " + times(ratio) + " | " + goal
                + " | " + verdict + " |");
    }

    /** A row where the peer must be at least {@code factor} times slower than ours. */
    private void fasterRow(String what, String ours, String peer, double factor) {
        double ratio = score(peer) / score(ours);
        String verdict = Double.isNaN(ratio) ? "not measured" : ratio >= factor ? "**met**" : "**missed**";
        rows.add("| " + what + " | " + figure(ours) + " | " + figure(peer) + " | peer takes " + times(ratio)
                + " ours | ours at least " + format(factor) + "x faster | " + verdict + " |");
    }

    private static String verdictAtLeast(String ratio, double goal) {
        try {
            return Double.parseDouble(ratio) >= goal ? "**met**" : "**missed**";
        } catch (NumberFormatException e) {
            return "n/a";
        }
    }

    private void reportRow(String what, String ours, String baseline, String ratio, String goal, String verdict) {
        rows.add("| " + what + " | " + ours + " | " + baseline + " | " + ratio + " | " + goal + " | " + verdict + " |");
    }

    private String value(String key) {
        return values.getProperty(key, "n/a");
    }

    private String render(Path dir, String mode) throws IOException {
        String[] threads = {"OneThread", "TwoThreads"};
        for (String t : threads) {
            String prefix = "AccessTokenBenchmark." + t + ".";
            String label = t.equals("OneThread") ? "1 thread" : "2 threads";
            ratioRow("`AccountTokens.accessToken()`, FRESH, " + label, prefix + "handleAccessToken",
                    prefix + "baselineVolatileRead", 3, "at most 3x a volatile read");
            ratioRow("`SmartApiAuth.accessToken()` (String), FRESH, " + label, prefix + "facadeAccessToken",
                    prefix + "baselineVolatileRead", 3, "at most 3x a volatile read");
            ratioRow("(context) handle vs the clock read alone, " + label, prefix + "handleAccessToken",
                    prefix + "floorClockMillis", 1.5, "no goal: the floor of a clocked check");
        }
        ratioRow("TOTP code, ours vs bare HMAC-SHA1", "TotpBenchmark.ours", "TotpBenchmark.baselineBareHmac", 1.5,
                "at most 1.5x");
        fasterRow("TOTP code, ours vs java-totp 1.7.1", "TotpBenchmark.ours", "TotpBenchmark.javaTotp", 2);
        fasterRow("TOTP code, ours vs googleauth 1.5.0", "TotpBenchmark.ours", "TotpBenchmark.googleAuth", 2);
        ratioRow("login round trip (sandbox, loopback)", "RoundTripBenchmark.loginOurs",
                "RoundTripBenchmark.loginRawHttpClient", 1.3, "at most 1.3x the raw call");
        ratioRow("refresh round trip (sandbox, loopback)", "RoundTripBenchmark.refreshOurs",
                "RoundTripBenchmark.refreshRawHttpClient", 1.3, "at most 1.3x the raw call");
        ratioRow("(context) raw refresh reading its body as a stream (as Feign does) vs as bytes",
                "RoundTripBenchmark.refreshRawHttpClientStreamingBody", "RoundTripBenchmark.refreshRawHttpClient",
                Double.MAX_VALUE, "no goal: the price of `BodyHandlers.ofInputStream()`");
        ratioRow("vault read (key derived) vs bare AES-GCM", "VaultBenchmark.readOurs",
                "VaultBenchmark.baselineAesGcmDecrypt", 2, "within 2x");
        ratioRow("(context) vault read vs file read + bare AES-GCM", "VaultBenchmark.readOurs",
                "VaultBenchmark.baselineReadFileAndDecrypt", 2, "no goal: same I/O on both sides");
        ratioRow("(context) bare AES-GCM with `Cipher.getInstance` per call vs prepared",
                "VaultBenchmark.baselineAesGcmDecryptNewCipher", "VaultBenchmark.baselineAesGcmDecrypt", Double.MAX_VALUE,
                "no goal: the price of the per-call provider lookup");
        ratioRow("vault write, fsync (disk) vs bare AES-GCM", "VaultBenchmark.writeOursFsync",
                "VaultBenchmark.baselineAesGcmEncrypt", Double.MAX_VALUE, "report");
        ratioRow("vault write, no fsync (tmpfs) vs bare AES-GCM", "VaultBenchmark.writeOursNoFsync",
                "VaultBenchmark.baselineAesGcmEncrypt", Double.MAX_VALUE, "report");
        reportRow("Argon2id alone, RFC 9106 second (64 MiB, t=3, p=4)", figure("KdfBenchmark.argon2id:RFC_9106_SECOND"),
                "-", "-", "report", "reported");
        reportRow("Argon2id alone, OWASP minimum (19 MiB, t=2, p=1)", figure("KdfBenchmark.argon2id:OWASP_MINIMUM"),
                "-", "-", "report", "reported");
        reportRow("production Guice injector, built and asked for SessionService (warm JVM)",
                figure("InjectorBenchmark.productionInjector"), "-", "-", "report", "reported");
        reportRow("CLI `status` cold start (whole process, median of " + value("cold.runs") + ")",
                value("cold.status.median.ms") + " ms", "`java -version` " + value("cold.version.median.ms") + " ms",
                value("cold.ratio") + "x", "report the ratio", "reported");
        String viaHttpClient = value("throughput.httpclient.perSecond");
        String viaUrlConnection = value("throughput.urlconnection.perSecond");
        reportRow("sandbox getProfile throughput, rate limits off, load by `java.net.http.HttpClient` ("
                        + value("throughput.httpclient.threads") + " threads, same JVM)", viaHttpClient + " req/s", "-", "-",
                "at least 5,000 req/s", verdict(viaHttpClient, 5000));
        reportRow("sandbox getProfile throughput, rate limits off, load by `HttpURLConnection` ("
                        + value("throughput.urlconnection.threads") + " threads, same JVM)", viaUrlConnection + " req/s", "-",
                "-", "at least 5,000 req/s", verdict(viaUrlConnection, 5000));
        String stalledRatio = value("throughput.httpclient.stalledRatio");
        reportRow("sandbox getProfile throughput with " + value("throughput.httpclient.stalled")
                        + " stalled connections held open (" + value("throughput.httpclient.stalledStillOpen")
                        + " still open at the end), `java.net.http.HttpClient`",
                value("throughput.httpclient.stalledPerSecond") + " req/s", viaHttpClient + " req/s (none stalled)",
                stalledRatio + "x", "at least 0.8x", verdictAtLeast(stalledRatio, 0.8));
        String expiredCalls = value("herd.expired.upstream.min") + ".." + value("herd.expired.upstream.max");
        reportRow("thundering herd at EXPIRED: " + value("herd.callers") + " callers x " + value("herd.rounds")
                        + " rounds, upstream calls per round", expiredCalls, "-", "-", "exactly 1",
                "1..1".equals(expiredCalls) ? "**met**" : "**missed**");
        String staleCalls = value("herd.stale.upstream.min") + ".." + value("herd.stale.upstream.max");
        reportRow("thundering herd at STALE: upstream calls per round", staleCalls, "-", "-", "exactly 1",
                "1..1".equals(staleCalls) ? "**met**" : "**missed**");

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by `benchmarks/run.sh ").append(mode).append("` on ").append(read(dir, "date.txt").strip())
                .append(". Every ratio divides two figures measured in this same run, on this machine; nothing is")
                .append(" compared across runs or machines. Lower is better for times. Figures are the **fastest")
                .append(" measured iteration** (the mean of all iterations in brackets), and ratios are taken between")
                .append(" fastest iterations: this machine is shared with other build jobs (see the load averages")
                .append(" below), and interference only ever adds time, so the best iteration is the estimate least")
                .append(" distorted by it.\n\n");
        md.append("## Machine and JDK\n\n```\n").append(read(dir, "machine.txt").strip()).append("\n```\n\n");
        md.append("## Results against the goals\n\n");
        md.append("| what | ours | baseline (same run) | ratio | goal | verdict |\n|---|---|---|---|---|---|\n");
        rows.forEach(row -> md.append(row).append('\n'));
        md.append("\n## Thundering herd\n\n");
        md.append("The real `SessionService` and HTTP adapter against the sandbox over loopback; a shared `SandboxClock`")
                .append(" jumps to the exact instant while ").append(value("herd.callers"))
                .append(" platform threads are parked on a gate, then the gate opens. Waits are each caller's own")
                .append(" `accessToken()` call, pooled over ").append(value("herd.rounds")).append(" rounds.\n\n");
        md.append("| case | upstream calls per round | callers that started before the renewal returned | wait p50 | wait p99 | wait max |\n");
        md.append("|---|---|---|---|---|---|\n");
        md.append("| EXPIRED (all must wait for the one renewal) | ").append(expiredCalls).append(" | ")
                .append(value("herd.expired.joined.min")).append("..").append(value("herd.expired.joined.max"))
                .append(" | ").append(value("herd.expired.p50.us")).append(" us | ").append(value("herd.expired.p99.us"))
                .append(" us | ").append(value("herd.expired.max.us")).append(" us |\n");
        md.append("| STALE (nobody may wait; one refresh in the background) | ").append(staleCalls).append(" | - | ")
                .append(value("herd.stale.p50.us")).append(" us | ").append(value("herd.stale.p99.us")).append(" us | ")
                .append(value("herd.stale.max.us")).append(" us |\n\n");
        md.append(read(dir, "notes.md"));
        md.append("\n## Commands\n\n```\n").append(read(dir, "commands.txt").strip()).append("\n```\n\n");
        md.append("## Raw numbers\n\n### JMH\n\n```\n").append(read(dir, "jmh-summary.txt").strip()).append("\n```\n\n");
        md.append("### Harnesses\n\n```\n").append(read(dir, "harness.txt").strip()).append("\n```\n");
        return md.toString();
    }

    private static String verdict(String perSecond, double goal) {
        try {
            return Double.parseDouble(perSecond) >= goal ? "**met**" : "**missed**";
        } catch (NumberFormatException e) {
            return "not measured";
        }
    }

    private static String read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
