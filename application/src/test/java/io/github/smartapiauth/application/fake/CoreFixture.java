package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * A session core over fakes of every driven port, with a controllable clock whose sleeps
 * advance time instead of waiting.
 */
public final class CoreFixture {

    /** 09:15:10 IST on a trading day. */
    public static final Instant MARKET_OPEN = Instant.parse("2026-11-24T03:45:10Z");
    public static final ClientCode ACCOUNT = ClientCode.of("A1234567");

    public final MutableClock clock;
    public final FakeBroker broker;
    public final StepCodes codes = new StepCodes();
    public final InMemoryStore store = new InMemoryStore();
    public final InMemoryLease lease = new InMemoryLease();
    public final RecordingEvents events = new RecordingEvents();

    public CoreFixture() {
        this(MARKET_OPEN);
    }

    public CoreFixture(Instant start) {
        this.clock = new MutableClock(start);
        this.broker = new FakeBroker(clock).account(credentials(ACCOUNT));
    }

    public static Credentials credentials(ClientCode account) {
        return new Credentials(ApiKey.of("TestApiKey1"), account, Pin.of("1234"));
    }

    /**
     * The core over the fakes, renewing and delivering events on the calling thread (deterministic
     * for tests of what happens, not of which thread does it).
     */
    public SessionService.Builder builder(RenewalSettings settings, Executor background, ClientCode... accounts) {
        return onCoreThreads(settings, background, accounts).renewals(Runnable::run);
    }

    /** The core over the fakes with its own renewal threads, as in production ({@code background} null: those too). */
    public SessionService.Builder onCoreThreads(RenewalSettings settings, Executor background, ClientCode... accounts) {
        SessionService.Builder builder = SessionService.builder()
                .authentication(broker)
                .profiles(broker)
                .oneTimePasswords(codes)
                .store(store)
                .lease(lease)
                .events(events)
                .clock(clock)
                .sleeper(clock::advance)
                .random(seeded())
                .settings(settings);
        if (background != null) {
            builder.background(background);
        }
        for (ClientCode account : accounts.length == 0 ? new ClientCode[] {ACCOUNT} : accounts) {
            broker.account(credentials(account));
            builder.account(credentials(account));
        }
        return builder;
    }

    /** The core with default settings, refreshing ahead of time on the calling thread. */
    public SessionService core() {
        return builder(RenewalSettings.defaults(), Runnable::run).build();
    }

    private static RandomGenerator seeded() {
        return new SplittableRandom(42);
    }
}
