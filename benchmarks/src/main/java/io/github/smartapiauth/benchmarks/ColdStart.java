package io.github.smartapiauth.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI's cold start as a user sees it: the wall time of a whole {@code java -jar
 * smartapi-auth.jar status} process (memory store, no network), against {@code java -version}
 * with the same JVM, alternated run by run so both meet the same machine state. Reports the
 * medians and the ratio of the medians.
 *
 * <p>Usage: {@code ColdStart <smartapi-auth.jar> [runs] [results.properties]}.
 */
public final class ColdStart {

    private static final PrintStream OUT = System.out;

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ColdStart <smartapi-auth.jar> [runs] [results.properties]");
        }
        String jar = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> version = List.of(javaBin, "-version");
        List<String> status = List.of(javaBin, "-jar", jar, "status");
        Map<String, String> env = Map.of(
                "SMARTAPI_API_KEY", "sandbox-demo-key",
                "SMARTAPI_CLIENT_CODE", "DEMO001",
                "SMARTAPI_PIN", "1234",
                "SMARTAPI_TOTP_SECRET", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                "SMARTAPI_STORE", "memory",
                "SMARTAPI_BASE_URL", "http://127.0.0.1:9");
        // One of each first, unmeasured: the page cache then holds the JDK and the jar for every measured run.
        time(version, env);
        int statusExit = time(status, env).exit();
        long[] versionNanos = new long[runs];
        long[] statusNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            versionNanos[i] = time(version, env).nanos();
            statusNanos[i] = time(status, env).nanos();
        }
        Percentiles v = Percentiles.of(versionNanos);
        Percentiles s = Percentiles.of(statusNanos);
        double ratio = (double) s.p50() / v.p50();
        OUT.printf("java -version:            median %.1f ms, max %.1f ms (%d runs)%n", v.p50() / 1e6, v.max() / 1e6, runs);
        OUT.printf("smartapi-auth.jar status: median %.1f ms, max %.1f ms (%d runs, exit code %d)%n", s.p50() / 1e6,
                s.max() / 1e6, runs, statusExit);
        OUT.printf("ratio of medians: %.2f%n", ratio);
        if (args.length > 2) {
            new Results().put("cold.runs", runs)
                    .put("cold.version.median.ms", String.format(java.util.Locale.ROOT, "%.1f", v.p50() / 1e6))
                    .put("cold.status.median.ms", String.format(java.util.Locale.ROOT, "%.1f", s.p50() / 1e6))
                    .put("cold.status.exit", statusExit)
                    .put("cold.ratio", String.format(java.util.Locale.ROOT, "%.2f", ratio))
                    .writeTo(Path.of(args[2]));
        }
    }

    private static Timed time(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        return new Timed(System.nanoTime() - start, exit);
    }

    private record Timed(long nanos, int exit) {
    }
}
