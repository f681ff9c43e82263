package io.github.smartapiauth.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionStoreException;
import io.github.smartapiauth.domain.event.SessionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionEventsPort} adapter does for the platform's listeners; each adapter's
 * test subclasses it (the bootstrap's {@code SessionEventHub}, {@code RecordingEvents} for the test
 * doubles). Uses only the port and the domain.
 */
public abstract class SessionEventsPortContract {

    private static final ClientCode A = ClientCode.of("A1234567");
    private static final Instant T0 = Instant.parse("2026-11-24T03:45:10Z");

    protected SessionEventsPort events;
    private ExecutorService threads;

    /** A new adapter without listeners. */
    protected abstract SessionEventsPort newEvents();

    /** Adds a platform listener to {@code port}. */
    protected abstract void addListener(SessionEventsPort port, Consumer<SessionEvent> listener);

    /** Removes a listener added before; it hears nothing published afterwards. */
    protected abstract void removeListener(SessionEventsPort port, Consumer<SessionEvent> listener);

    @BeforeEach
    void createEvents() {
        events = newEvents();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private final Map<ClientCode, List<SessionEvent>> everyKind = new ConcurrentHashMap<>();

    /**
     * One event of every kind for the account, in the order a session could see them; the same
     * instances on every call (events carrying an error compare by the error's identity).
     */
    private List<SessionEvent> everyKind(ClientCode account) {
        return everyKind.computeIfAbsent(account, SessionEventsPortContract::newEveryKind);
    }

    private static List<SessionEvent> newEveryKind(ClientCode account) {
        return List.of(
                new SessionEvent.Opened(account, T0, T0.plusSeconds(3600)),
                new SessionEvent.Restored(account, T0.plusSeconds(1), T0.plusSeconds(3600)),
                new SessionEvent.Refreshed(account, T0.plusSeconds(2), T0.plusSeconds(7200)),
                new SessionEvent.StoreFailed(account, T0.plusSeconds(3), new SessionStoreException("the store is down")),
                new SessionEvent.RenewalFailed(account, T0.plusSeconds(4),
                        new RefreshRejectedException("Invalid Refresh Token", "AB8050")),
                new SessionEvent.Expired(account, T0.plusSeconds(5), SessionEvent.Expired.Cause.TIME),
                new SessionEvent.LoggedOut(account, T0.plusSeconds(6), true));
    }

    @Test
    void everyKindOfEventReachesAListenerInPublishOrder() {
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        addListener(events, heard::add);

        everyKind(A).forEach(events::publish);

        assertThat(heard).containsExactlyElementsOf(everyKind(A));
    }

    @Test
    void everyListenerHearsEveryEvent() {
        List<SessionEvent> first = new CopyOnWriteArrayList<>();
        List<SessionEvent> second = new CopyOnWriteArrayList<>();
        addListener(events, first::add);
        addListener(events, second::add);

        everyKind(A).forEach(events::publish);

        assertThat(first).containsExactlyElementsOf(everyKind(A));
        assertThat(second).containsExactlyElementsOf(everyKind(A));
    }

    @Test
    void aListenerThatThrowsNeitherEscapesPublishNorKeepsTheEventFromTheOthers() {
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        addListener(events, event -> {
            throw new IllegalStateException("the platform's listener is broken");
        });
        addListener(events, heard::add);

        for (SessionEvent event : everyKind(A)) {
            assertThatCode(() -> events.publish(event)).doesNotThrowAnyException();
        }

        assertThat(heard).containsExactlyElementsOf(everyKind(A));
    }

    @Test
    void publishingWithoutListenersNeverThrows() {
        for (SessionEvent event : everyKind(A)) {
            assertThatCode(() -> events.publish(event)).doesNotThrowAnyException();
        }
    }

    @Test
    void aRemovedListenerHearsNothingMoreAndTheOthersGoOn() {
        List<SessionEvent> removed = new CopyOnWriteArrayList<>();
        List<SessionEvent> kept = new CopyOnWriteArrayList<>();
        Consumer<SessionEvent> leaving = removed::add;
        addListener(events, leaving);
        addListener(events, kept::add);
        List<SessionEvent> all = everyKind(A);
        events.publish(all.get(0));

        removeListener(events, leaving);
        all.subList(1, all.size()).forEach(events::publish);

        assertThat(removed).containsExactly(all.get(0));
        assertThat(kept).containsExactlyElementsOf(all);
    }

    @Test
    void aListenerAddedLaterHearsOnlyWhatIsPublishedAfterwards() {
        List<SessionEvent> all = everyKind(A);
        events.publish(all.get(0));
        List<SessionEvent> late = new CopyOnWriteArrayList<>();

        addListener(events, late::add);
        all.subList(1, all.size()).forEach(events::publish);

        assertThat(late).containsExactlyElementsOf(all.subList(1, all.size()));
    }

    @Test
    void eventsPublishedFromManyThreadsAllArriveEachThreadsInItsOrder() throws Exception {
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        addListener(events, heard::add);
        List<ClientCode> accounts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            accounts.add(ClientCode.of("C" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (ClientCode account : accounts) {
            done.add(threads.submit(() -> {
                start.await();
                for (int round = 0; round < 20; round++) {
                    everyKind(account).forEach(events::publish);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }

        assertThat(heard).hasSize(accounts.size() * 20 * 7);
        for (ClientCode account : accounts) {
            List<SessionEvent> expected = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                expected.addAll(everyKind(account));
            }
            assertThat(heard.stream().filter(event -> event.clientCode().equals(account)).toList())
                    .as("the events of %s, in the order its thread published them", account)
                    .containsExactlyElementsOf(expected);
        }
    }
}
