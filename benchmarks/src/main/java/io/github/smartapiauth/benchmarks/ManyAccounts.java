package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.adapter.totp.TotpKeyLoader;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.bootstrap.SmartApiAccount;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many accounts in one process (an advisor's clients, a multi-tenant platform): N accounts, each with
 * its own API key and client code, through one facade against the sandbox over loopback HTTP. Every
 * session expires at one instant while 4 platform threads per account ask for tokens.
 *
 * <p>Reports: upstream renewals per account (must be exactly one each), the callers' waits, the
 * library's heap per idle account, and the FRESH {@code accessToken()} through the handle against the
 * clock read alone, measured in the same run.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.smartapiauth.benchmarks.ManyAccounts 1000 many.properties}</pre>
 */
public final class ManyAccounts {

    private static final PrintStream OUT = System.out;
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
    private static final int CALLERS_PER_ACCOUNT = 4;

    private ManyAccounts() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path output = args.length > 1 ? Path.of(args[1]) : null;
        Results results = new Results().put("many.accounts", accounts)
                .put("many.callers", accounts * CALLERS_PER_ACCOUNT);
        SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T03:46:00Z"));
        List<SandboxAccount> sandboxAccounts = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            sandboxAccounts.add(SandboxAccount.of(String.format("many-key-%05d", i), String.format("M%07d", i),
                    "1234", SECRET));
        }
        SmartApiSandbox.Builder sandboxBuilder = SmartApiSandbox.builder().clock(clock).rateLimits(false)
                .tokenLifetime(Duration.ofHours(1)).capturedRequestLimit(0);
        sandboxAccounts.forEach(sandboxBuilder::account);
        try (SmartApiSandbox sandbox = sandboxBuilder.build()) {
            sandbox.start();
            long heapBefore = usedHeapAfterGc();
            Map<ClientCode, AtomicInteger> renewals = new ConcurrentHashMap<>();
            SmartApiAuth auth = SmartApiAuth.builder().config(config(sandbox, sandboxAccounts)).clock(clock)
                    .listener(event -> {
                        if (event instanceof SessionEvent.Opened || event instanceof SessionEvent.Refreshed) {
                            renewals.computeIfAbsent(event.clientCode(), any -> new AtomicInteger()).incrementAndGet();
                        }
                    }).build();
            List<SmartApiAccount> handles = new ArrayList<>();
            for (SandboxAccount account : sandboxAccounts) {
                handles.add(auth.account(account.clientCode()));
            }

            long openStart = System.nanoTime();
            herd(handles, 1);
            long openNanos = System.nanoTime() - openStart;
            // Idle: the renewal threads end after 5 idle seconds; what stays is what an idle account costs.
            Thread.sleep(6_000);
            long heapOpen = usedHeapAfterGc();
            if (Boolean.getBoolean("many.pause")) {
                OUT.println("paused for a heap histogram (jcmd <pid> GC.class_histogram)");
                Thread.sleep(20_000);
            }
            OUT.printf("opened %d accounts (one login each, %d threads at once) in %.1f s%n", accounts,
                    accounts, openNanos / 1e9);

            double[] fresh = freshPathOnTheSystemClock(accounts);
            OUT.printf("FRESH accessToken() through a handle among %d accounts (system clock): %.1f ns; the clock"
                    + " read alone: %.1f ns; ratio %.2f%n", accounts, fresh[0], fresh[1], fresh[0] / fresh[1]);

            long upstreamBefore = sandbox.calls(Route.LOGIN) + sandbox.calls(Route.GENERATE_TOKENS);
            renewals.clear();
            // Into the expiry margin (30 s before the end): EXPIRED here, still valid at the broker, so a refresh.
            clock.advance(Duration.ofMinutes(59).plusSeconds(45));
            long[] waits = herd(handles, CALLERS_PER_ACCOUNT);
            long upstream = sandbox.calls(Route.LOGIN) + sandbox.calls(Route.GENERATE_TOKENS) - upstreamBefore;
            awaitEvents(renewals, accounts);
            int minPerAccount = renewals.values().stream().mapToInt(AtomicInteger::get).min().orElse(0);
            int maxPerAccount = renewals.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
            Percentiles p = Percentiles.of(waits);
            OUT.printf("all %d sessions expired at one instant; %d threads asked: %d upstream renewals (%d..%d per"
                    + " account, %d accounts renewed); waits p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", accounts,
                    waits.length, upstream, minPerAccount, maxPerAccount, renewals.size(), p.p50() / 1e6,
                    p.p99() / 1e6, p.max() / 1e6);

            auth.close();
            auth = null;
            handles.clear();
            long heapClosed = usedHeapAfterGc();
            double perAccount = (heapOpen - heapClosed) / (double) accounts;
            OUT.printf("heap held by the library per idle account: %.1f KiB (%.1f MiB for %d; the sandbox's own"
                    + " state excluded; before the facade: %.1f MiB used)%n", perAccount / 1024,
                    (heapOpen - heapClosed) / 1048576.0, accounts, heapBefore / 1048576.0);
            results.put("many.open.seconds", String.format("%.1f", openNanos / 1e9))
                    .put("many.fresh.handle.ns", String.format("%.1f", fresh[0]))
                    .put("many.fresh.clock.ns", String.format("%.1f", fresh[1]))
                    .put("many.fresh.ratio", String.format("%.2f", fresh[0] / fresh[1]))
                    .put("many.expired.upstream", upstream)
                    .put("many.expired.per.account.min", minPerAccount)
                    .put("many.expired.per.account.max", maxPerAccount)
                    .put("many.expired.p50.ms", String.format("%.1f", p.p50() / 1e6))
                    .put("many.expired.p99.ms", String.format("%.1f", p.p99() / 1e6))
                    .put("many.expired.max.ms", String.format("%.1f", p.max() / 1e6))
                    .put("many.heap.per.account.kib", String.format("%.1f", perAccount / 1024));
        }
        if (output != null) {
            results.writeTo(output);
        }
    }

    private static SmartApiAuthConfig config(SmartApiSandbox sandbox, List<SandboxAccount> accounts) {
        TotpKey key = new TotpKeyLoader(name -> null, TotpParameters.smartApi()).fromBase32(SECRET).key();
        List<SmartApiAuthConfig.Account> configured = new ArrayList<>();
        for (SandboxAccount account : accounts) {
            configured.add(new SmartApiAuthConfig.Account(new Credentials(ApiKey.of(account.apiKey()),
                    ClientCode.of(account.clientCode()), Pin.of(account.mpin())), Optional.of(key)));
        }
        return new SmartApiAuthConfig(configured, HttpSettings.forBaseUrl(sandbox.baseUri()),
                RenewalSettings.defaults(), new SmartApiAuthConfig.MemoryStore(), List.of());
    }

    /** {@code perAccount} threads per account ask for a token at once; returns each thread's wait. */
    private static long[] herd(List<SmartApiAccount> handles, int perAccount) throws InterruptedException {
        int callers = handles.size() * perAccount;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch gate = new CountDownLatch(1);
        long[] waits = new long[callers];
        List<Thread> threads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            int index = i;
            SmartApiAccount handle = handles.get(i % handles.size());
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long start = System.nanoTime();
                handle.accessToken();
                waits[index] = System.nanoTime() - start;
            }, "platform-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return waits;
    }

    /**
     * The FRESH path measured where it matters, on the system clock (the harness's own clock is a
     * settable one, far cheaper to read than a real clock): a second facade with as many accounts, one
     * of them logged in against a sandbox on real time.
     */
    private static double[] freshPathOnTheSystemClock(int accounts) throws InterruptedException {
        SandboxAccount one = SandboxAccount.of("fresh-key-00001", "F0000001", "1234", SECRET);
        try (SmartApiSandbox realTime = SmartApiSandbox.builder().account(one).rateLimits(false).build()) {
            realTime.start();
            List<SandboxAccount> all = new ArrayList<>(List.of(one));
            for (int i = 1; i < accounts; i++) {
                all.add(SandboxAccount.of(String.format("fresh-key-%05d", i + 1), String.format("F%07d", i + 1),
                        "1234", SECRET));
            }
            try (SmartApiAuth auth = SmartApiAuth.builder().config(config(realTime, all)).build()) {
                SmartApiAccount handle = auth.account(one.clientCode());
                handle.accessToken();
                return freshPath(handle, java.time.Clock.systemUTC());
            }
        }
    }

    /** Nanoseconds per call: the FRESH path through a handle, and the clock read alone, interleaved. */
    private static double[] freshPath(SmartApiAccount handle, java.time.Clock clock) {
        long sink = 0;
        double handleBest = Double.MAX_VALUE;
        double clockBest = Double.MAX_VALUE;
        int calls = 2_000_000;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += handle.accessToken().value().length();
            }
            handleBest = Math.min(handleBest, (System.nanoTime() - start) / (double) calls);
            start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += clock.millis();
            }
            clockBest = Math.min(clockBest, (System.nanoTime() - start) / (double) calls);
        }
        if (sink == 42) {
            OUT.println();
        }
        return new double[] {handleBest, clockBest};
    }

    private static void awaitEvents(Map<ClientCode, AtomicInteger> renewals, int accounts)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (renewals.size() < accounts && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
