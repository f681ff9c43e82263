package io.github.smartapiauth.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs share one vault and the file lease; both ask for a token while the stored session
 * is expired: exactly one renews, the other takes up the session it saved.
 */
class TwoProcessRenewalTest {

    @TempDir
    Path root;

    @Test
    void exactlyOneRenewalHappensBetweenTwoProcesses() throws Exception {
        Path directory = root.resolve("vault");
        Path key = root.resolve("vault.key");
        Path calls = root.resolve("broker-calls.log");
        FileSessionStore.createKeyFile(key);
        Instant yesterday = CoreFixture.MARKET_OPEN.minus(Duration.ofHours(24));
        TestSessions.save(FileSessionStore.builder(directory).keyFile(key).build(), new Session(CoreFixture.ACCOUNT,
                new TokenSet(AccessToken.of("access-A1234567-0", yesterday.plus(Duration.ofHours(8))),
                        RefreshToken.of("refresh-A1234567-0"), FeedToken.of("feed-A1234567-0")),
                yesterday, yesterday, yesterday.plus(Duration.ofHours(6))));

        Path errors = root.resolve("children.err");
        try (ChildJvm first = ChildJvm.start(RenewingChild.class, errors, directory.toString(), key.toString(),
                calls.toString(), "first");
             ChildJvm second = ChildJvm.start(RenewingChild.class, errors, directory.toString(), key.toString(),
                     calls.toString(), "second")) {
            assertThat(first.nextLine(Duration.ofSeconds(60))).isEqualTo("ready");
            assertThat(second.nextLine(Duration.ofSeconds(60))).isEqualTo("ready");
            first.send("go");
            second.send("go");
            String one = first.nextLine(Duration.ofSeconds(60));
            String two = second.nextLine(Duration.ofSeconds(60));
            assertThat(first.awaitExit()).isZero();
            assertThat(second.awaitExit()).isZero();

            List<String> all = Files.readAllLines(calls);
            assertThat(all.stream().filter(line -> line.endsWith(" asks for the lease")))
                    .as("both processes asked for the lease").hasSize(2);
            List<String> log = all.stream().filter(line -> !line.endsWith(" asks for the lease")).toList();
            assertThat(log.stream().filter(line -> line.contains(" issued ")))
                    .as("tokens issued upstream: %s", log).hasSize(1);
            String renewer = log.get(0).split(" ")[0];
            assertThat(log).as("every upstream call came from the one renewer").allMatch(l -> l.startsWith(renewer));

            String token = "access-A1234567-1";
            assertThat(List.of(one, two)).containsExactlyInAnyOrder("token " + token + " restored 0",
                    "token " + token + " restored 1");
        }
        Session stored = FileSessionStore.builder(directory).keyFile(key).build().load(CoreFixture.ACCOUNT).orElseThrow();
        assertThat(stored.tokens().accessToken().value()).isEqualTo("access-A1234567-1");
        assertThat(stored.openedAt()).isEqualTo(CoreFixture.MARKET_OPEN);
    }
}
