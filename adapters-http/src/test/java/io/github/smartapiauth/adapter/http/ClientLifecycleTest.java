package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.token.TokenSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Everything a client starts, its {@link SmartApiHttpClient#close()} stops: our own threads
 * ({@code smartapi-auth-http-*}) and, once collected, the JDK HTTP client's selector thread.
 * Threads that were alive before a test are not its business; only those it started are counted.
 */
@Timeout(60)
class ClientLifecycleTest {

    private static final int CLIENTS = 20;
    private static final Predicate<Thread> OURS = thread -> thread.getName().startsWith("smartapi-auth-http");
    private static final Predicate<Thread> JDK_SELECTOR =
            thread -> thread.getName().matches("HttpClient-\\d+-SelectorManager");

    private final Credentials account = SandboxFixture.credentials();

    @Test
    void twentyClientsThatEachMadeACallLeaveNoThreadBehindOnceClosed() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // Kept reachable on purpose until the end: close() itself must let go of the JDK client.
        List<SmartApiHttpClient> closedClients = new ArrayList<>();
        try (SandboxFixture fixture = new SandboxFixture()) {
            TokenSet tokens = fixture.client.login(SandboxFixture.credentials(), fixture.currentCode());
            for (int i = 0; i < CLIENTS; i++) {
                SmartApiHttpClient client = new SmartApiHttpClient(fixture.settings());
                assertThat(client.profile(account, tokens.accessToken()).clientCode())
                        .isEqualTo(ClientCode.of(ACCOUNT.clientCode()));
                client.close();
                closedClients.add(client);
            }
        }

        assertThat(names(startedSince(before, OURS, false))).as("our threads left after close()").isEmpty();
        assertThat(names(startedSince(before, JDK_SELECTOR, true))).as("JDK selector threads left after close()")
                .isEmpty();
        assertThat(closedClients).hasSize(CLIENTS);
    }

    @Test
    void aCallAfterCloseIsAConfigurationErrorAndSendsNothing() {
        try (SandboxFixture fixture = new SandboxFixture()) {
            TokenSet tokens = fixture.client.login(SandboxFixture.credentials(), fixture.currentCode());
            SmartApiHttpClient client = new SmartApiHttpClient(fixture.settings());
            client.close();

            assertThatThrownBy(() -> client.profile(account, tokens.accessToken()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the SmartAPI HTTP client was closed")
                    .satisfies(error -> assertThat(((ConfigurationException) error).isTransient()).isFalse());
            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), fixture.currentCode()))
                    .isInstanceOf(ConfigurationException.class);
            assertThat(fixture.sandbox.requests()).as("only the fixture's own login").hasSize(1);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        try (SandboxFixture fixture = new SandboxFixture()) {
            SmartApiHttpClient client = new SmartApiHttpClient(fixture.settings());
            client.close();
            client.close();

            assertThatThrownBy(() -> client.login(SandboxFixture.credentials(), fixture.currentCode()))
                    .isInstanceOf(ConfigurationException.class);
        }
    }

    /**
     * The threads matching {@code which} that were not alive {@code before}, once they have ended or
     * a hard 10 s deadline has passed. Ending threads are not ordered by this wait: a thread pool's
     * worker outlives its executor's termination by a moment, and JDK 17's HTTP client has no close(),
     * so its selector thread ends only after the garbage collector has cleared the client and the
     * selector has woken up (it checks every few seconds); {@code collect} asks for that collection.
     */
    private static Set<Thread> startedSince(Set<Thread> before, Predicate<Thread> which, boolean collect) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Set<Thread> remaining = Thread.getAllStackTraces().keySet().stream()
                    .filter(which).filter(thread -> !before.contains(thread)).filter(Thread::isAlive)
                    .collect(Collectors.toSet());
            if (remaining.isEmpty() || System.nanoTime() - deadline > 0) {
                return remaining;
            }
            if (collect) {
                System.gc();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
