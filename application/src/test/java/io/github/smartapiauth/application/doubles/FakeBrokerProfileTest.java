package io.github.smartapiauth.application.doubles;

import io.github.smartapiauth.application.contract.ProfilePortContract;
import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.FakeBroker;
import io.github.smartapiauth.application.fake.MutableClock;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/** The test-jar's {@link FakeBroker} keeps the profile contract. */
class FakeBrokerProfileTest extends ProfilePortContract {

    private final StepCodes codes = new StepCodes();
    private MutableClock clock;
    private FakeBroker broker;

    @BeforeEach
    void newBroker() {
        clock = new MutableClock(CoreFixture.MARKET_OPEN);
        broker = new FakeBroker(clock).account(credentials());
    }

    @Override
    protected ProfilePort profiles() {
        return broker;
    }

    @Override
    protected Credentials credentials() {
        return CoreFixture.credentials(CoreFixture.ACCOUNT);
    }

    @Override
    protected TokenSet openSession() {
        clock.advance(Duration.ofSeconds(30));
        return broker.login(credentials(), codes.codeAt(CoreFixture.ACCOUNT, clock.instant()));
    }

    @Override
    protected void revokeSessions() {
        broker.revokeSessions(CoreFixture.ACCOUNT);
    }
}
