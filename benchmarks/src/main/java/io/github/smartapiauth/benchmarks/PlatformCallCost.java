package io.github.smartapiauth.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The platform-call figures of {@link PlatformCallBenchmark} and {@link FreshPathWithMetricsBenchmark},
 * measured so that a shared, busy machine distorts them least: the variants run interleaved in rounds
 * (A, B, C, A, B, C, ...), so each meets the same load, and each round records both the calling
 * thread's CPU time per call ({@link ThreadMXBean}, which time spent descheduled does not inflate) and
 * the wall time per call. Reported: the best and the median round of each.
 *
 * <p>Usage: {@code PlatformCallCost <rounds> <calls per round (stub/fresh)> <calls per round (loopback)>}.
 */
public final class PlatformCallCost {

    private static final Object SENTINEL = new Object();
    private static volatile long sink;

    private PlatformCallCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int fastCalls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int loopbackCalls = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        PlatformCallBenchmark calls = new PlatformCallBenchmark();
        FreshPathWithMetricsBenchmark fresh = new FreshPathWithMetricsBenchmark();
        calls.start();
        fresh.open();
        try {
            Map<String, LongSupplier> fast = new LinkedHashMap<>();
            fast.put("fresh accessToken(), metrics on", consumed(fresh::handleAccessTokenMetricsOn));
            fast.put("fresh accessToken(), metrics off", consumed(fresh::handleAccessTokenMetricsOff));
            fast.put("clock read (Clock.millis())", fresh::floorClockMillis);
            fast.put("stub call, interceptor + renewing client", consumed(calls::stubThroughInterceptorAndRenewingClient));
            fast.put("stub call, static headers", consumed(calls::stubWithStaticHeaders));
            Map<String, LongSupplier> loopback = new LinkedHashMap<>();
            loopback.put("loopback getRMS, interceptor + renewing client",
                    consumed(calls::loopbackThroughInterceptorAndRenewingClient));
            loopback.put("loopback getRMS, static headers", consumed(calls::loopbackWithStaticHeaders));
            report(measure(fast, rounds, fastCalls), fastCalls);
            report(measure(loopback, rounds, loopbackCalls), loopbackCalls);
        } finally {
            fresh.close();
            calls.stop();
        }
    }

    /** The call, its result consumed without hashing or boxing (a comparison no result can pass). */
    private static LongSupplier consumed(Supplier<?> call) {
        return () -> call.get() == SENTINEL ? 1 : 0;
    }

    /** Per variant: per round, {cpu ns per call, wall ns per call}; the first two rounds are warm-up. */
    private static Map<String, List<double[]>> measure(Map<String, LongSupplier> variants, int rounds, int calls) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        variants.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds + 2; round++) {
            for (Map.Entry<String, LongSupplier> variant : variants.entrySet()) {
                LongSupplier call = variant.getValue();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                long hash = 0;
                for (int i = 0; i < calls; i++) {
                    hash += call.getAsLong();
                }
                long wall = System.nanoTime() - wall0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                sink += hash;
                if (round >= 2) {
                    results.get(variant.getKey()).add(new double[] {(double) cpu / calls, (double) wall / calls});
                }
            }
        }
        return results;
    }

    private static void report(Map<String, List<double[]>> results, int calls) {
        System.out.printf("%-50s %12s %12s %12s %12s   (%d calls a round, %d rounds)%n", "variant", "cpu best",
                "cpu median", "wall best", "wall median", calls, results.values().iterator().next().size());
        results.forEach((name, rounds) -> {
            double[] cpu = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
            double[] wall = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
            System.out.printf("%-50s %9.1f ns %9.1f ns %9.1f ns %9.1f ns%n", name, cpu[0], median(cpu), wall[0],
                    median(wall));
        });
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
