package io.github.smartapiauth.application.doubles;

import io.github.smartapiauth.application.contract.AuthenticationPortContract;
import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.FakeBroker;
import io.github.smartapiauth.application.fake.MutableClock;
import io.github.smartapiauth.application.fake.StepCodes;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** The test-jar's {@link FakeBroker}, with {@link StepCodes} for the codes, keeps the authentication contract. */
class FakeBrokerAuthenticationTest extends AuthenticationPortContract {

    private final StepCodes codes = new StepCodes();
    private MutableClock clock;
    private FakeBroker broker;

    @BeforeEach
    void newBroker() {
        clock = new MutableClock(CoreFixture.MARKET_OPEN);
        broker = new FakeBroker(clock).account(credentials());
    }

    @Override
    protected AuthenticationPort authentication() {
        return broker;
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
    protected TotpCode codeAt(Instant instant) {
        return codes.codeAt(CoreFixture.ACCOUNT, instant);
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Override
    protected void advance(Duration amount) {
        clock.advance(amount);
    }
}
