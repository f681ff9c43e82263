package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.FakeBroker;
import io.github.smartapiauth.application.fake.MutableClock;
import io.github.smartapiauth.application.fake.RecordingEvents;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Child JVM of {@link TwoProcessRenewalTest}: a session core over the shared file vault and
 * file lease, with a fake broker that appends each call to a shared log. Prints
 * {@code ready}, waits for {@code go}, asks for a token, prints {@code token <value> restored <n>}.
 */
public final class RenewingChild {

    private RenewingChild() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Path key = Path.of(args[1]);
        Path calls = Path.of(args[2]);
        String name = args[3];
        MutableClock clock = new MutableClock(CoreFixture.MARKET_OPEN);
        FakeBroker broker = new FakeBroker(clock).account(CoreFixture.credentials(CoreFixture.ACCOUNT));
        RecordingEvents events = new RecordingEvents();
        SessionService service = SessionService.builder()
                .account(CoreFixture.credentials(CoreFixture.ACCOUNT))
                .authentication(new LoggingBroker(broker, calls, name))
                .profiles(broker)
                .oneTimePasswords(new StepCodes())
                .store(FileSessionStore.builder(directory).keyFile(key).build())
                .lease(new AnnouncingLease(new FileSessionLease(directory), calls, name))
                .events(events)
                .clock(clock)
                .sleeper(clock::advance)
                .background(Runnable::run)
                .renewals(Runnable::run)
                .random(new SplittableRandom(1))
                .build();
        System.out.println("ready");
        System.out.flush();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(stdin.readLine())) {
            return;
        }
        AccessToken token = service.accessToken(CoreFixture.ACCOUNT);
        System.out.println("token " + token.value() + " restored " + events.of(SessionEvent.Restored.class).size());
        System.out.flush();
    }

    /** Appends "<name> asks for the lease" to the shared log before each lease request. */
    private static final class AnnouncingLease implements io.github.smartapiauth.application.port.out.SessionLeasePort {
        private final io.github.smartapiauth.application.port.out.SessionLeasePort lease;
        private final Path log;
        private final String name;

        AnnouncingLease(io.github.smartapiauth.application.port.out.SessionLeasePort lease, Path log, String name) {
            this.lease = lease;
            this.log = log;
            this.name = name;
        }

        @Override
        public Lease acquire(io.github.smartapiauth.domain.credential.ClientCode account, java.time.Duration maxWait)
                throws InterruptedException {
            try {
                Files.writeString(log, name + " asks for the lease\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lease.acquire(account, maxWait);
        }
    }

    /** Appends "<name> <operation>" to the shared log for every upstream call that issued tokens. */
    private static final class LoggingBroker implements AuthenticationPort {
        private final FakeBroker broker;
        private final Path log;
        private final String name;

        LoggingBroker(FakeBroker broker, Path log, String name) {
            this.broker = broker;
            this.log = log;
            this.name = name;
        }

        @Override
        public TokenSet login(Credentials credentials, TotpCode code) {
            return logged("login", () -> broker.login(credentials, code));
        }

        @Override
        public TokenSet refresh(Credentials account, TokenSet current) {
            return logged("refresh", () -> broker.refresh(account, current));
        }

        @Override
        public void logout(Credentials account, AccessToken accessToken) {
            broker.logout(account, accessToken);
        }

        private TokenSet logged(String operation, Supplier<TokenSet> call) {
            append("attempt " + operation);
            awaitTheOtherAtTheLease();
            TokenSet tokens = call.get();
            append("issued " + operation);
            return tokens;
        }

        /** Holds the renewal until the other process has asked for the lease, so it must wait for this one. */
        private void awaitTheOtherAtTheLease() {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            try {
                while (Files.readAllLines(log).stream()
                        .noneMatch(line -> !line.startsWith(name + " ") && line.endsWith(" asks for the lease"))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the other process never asked for the lease");
                    }
                    Thread.onSpinWait();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void append(String what) {
            try {
                Files.writeString(log, name + " " + what + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
