package io.github.smartapiauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.config.ConfigReader;
import io.github.smartapiauth.bootstrap.config.ConfigSources;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How platforms embed the library: many facades coming and going, shared vaults, a host injector. */
@Timeout(60)
class EmbeddingLifecycleTest {

    private static final SandboxAccount ACCOUNT = SandboxAccount.of("embed-test-key-7a2c", "E1234567", "1357",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ");

    @TempDir
    Path vaultDir;

    /** 09:30:05 IST on a trading day, shared by the sandbox and the facades. */
    private final SandboxClock clock = SandboxClock.at(Instant.parse("2026-11-24T04:00:05Z"));
    private SmartApiSandbox sandbox;
    private URI base;

    @BeforeEach
    void startSandbox() {
        sandbox = SmartApiSandbox.builder().account(ACCOUNT).clock(clock).rateLimits(false).build();
        base = sandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private SmartApiAuthConfig config(String store) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SMARTAPI_API_KEY", ACCOUNT.apiKey(),
                "SMARTAPI_CLIENT_CODE", ACCOUNT.clientCode(),
                "SMARTAPI_PIN", ACCOUNT.mpin(),
                "SMARTAPI_TOTP_SECRET", ACCOUNT.totpSecret(),
                "SMARTAPI_BASE_URL", base.toString(),
                "SMARTAPI_PACING", "false",
                "SMARTAPI_STORE", store));
        if (store.equals("vault")) {
            env.put("SMARTAPI_VAULT_DIR", vaultDir.toString());
            env.put("SMARTAPI_VAULT_PASSPHRASE", "embedding test passphrase");
        }
        return ConfigReader.read(ConfigSources.of(Map.of(), env, Optional.empty()));
    }

    /** Scenario 4: tests and tenants build and close facades all day. */
    @Test
    void twentyFacadesBuiltUsedAndClosedLeaveNoThreadOfTheLibraryBehind() throws Exception {
        Set<String> before = libraryThreads();

        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(30));
            try (SmartApiAuth auth = SmartApiAuth.builder().config(config("memory")).clock(clock).build()) {
                assertThat(auth.accessToken()).isNotBlank();
                assertThat(auth.profile().clientCode().value()).isEqualTo(ACCOUNT.clientCode());
            }
        }

        assertThat(awaitLibraryThreadsBackTo(before)).as("threads the library started and left running").isEmpty();
    }

    /** Scenario 5: two modules of a platform (or a facade and the CLI code path) on one vault directory. */
    @Test
    void twoFacadesOnOneVaultDirectoryInOneJvmShareTheLeaseAndRenewOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (SmartApiAuth first = SmartApiAuth.builder().config(config("vault")).clock(clock).build();
             SmartApiAuth second = SmartApiAuth.builder().config(config("vault")).clock(clock).build()) {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> tokenAfter(go, first), callers);
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> tokenAfter(go, second), callers);
            go.countDown();

            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(b.get(30, TimeUnit.SECONDS));
        } finally {
            callers.shutdownNow();
        }
        assertThat(sandbox.calls(Route.LOGIN)).as("exactly one renewal at the broker").isEqualTo(1);
    }

    private static String tokenAfter(CountDownLatch go, SmartApiAuth auth) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return auth.accessToken();
    }

    /** Scenario 6: a platform already on Guice binds the same general types the library uses. */
    @Test
    void theModuleInstallsIntoAHostInjectorThatBindsClockExecutorsObjectMapperAndSleeper() {
        ExecutorService hostPool = Executors.newSingleThreadExecutor();
        Clock hostClock = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
        Sleeper hostSleeper = duration -> { };
        ObjectMapper hostMapper = new ObjectMapper();
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        AbstractModule host = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(hostClock);
                bind(Executor.class).toInstance(hostPool);
                bind(ExecutorService.class).toInstance(hostPool);
                bind(ObjectMapper.class).toInstance(hostMapper);
                bind(Sleeper.class).toInstance(hostSleeper);
            }
        };
        try {
            Injector injector = Guice.createInjector(host, SmartApiAuthModule.production(config("memory"), clock,
                    new io.github.smartapiauth.bootstrap.events.SessionEventHub()));

            assertThat(injector.getInstance(Clock.class)).as("the host keeps its clock").isSameAs(hostClock);
            assertThat(injector.getInstance(Sleeper.class)).isSameAs(hostSleeper);
            assertThat(injector.getInstance(ObjectMapper.class)).isSameAs(hostMapper);
            assertThat(injector.getInstance(Executor.class)).isSameAs(hostPool);
            SmartApiAuth auth = injector.getInstance(SmartApiAuth.class);
            auth.addListener(heard::add);
            assertThat(injector.getInstance(GetAccessTokenUseCase.class).accessToken(auth.account()).value())
                    .isEqualTo(auth.accessToken());
            assertThat(injector.getInstance(SessionService.class)).isSameAs(auth.sessions());
            assertThat(auth.status().session()).as("the library used its own clock, not the host's 2001")
                    .hasValueSatisfying(s -> assertThat(s.openedAt()).isEqualTo(clock.instant()));

            Set<String> before = libraryThreads();
            auth.close();
            assertThat(before).as("the library had threads running").isNotEmpty();
        } finally {
            hostPool.shutdownNow();
        }
        assertThat(awaitLibraryThreadsBackTo(Set.of())).as("a Guice user closes what the module started").isEmpty();
    }

    private static Set<String> libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("smartapi-auth-") || name.startsWith("HttpClient-"))
                .collect(Collectors.toSet());
    }

    /**
     * The library's threads that are still alive beyond {@code before}. The JDK's HTTP client (17) has
     * no close(): its selector thread ends once the client is unreachable, so this waits (10 s at most)
     * for the garbage collector and the selector's own wake-up, not for any ordering between threads.
     */
    private static Set<String> awaitLibraryThreadsBackTo(Set<String> before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> left;
        do {
            System.gc();
            left = libraryThreads();
            left.removeAll(before);
            if (left.isEmpty()) {
                return left;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        return left;
    }
}
