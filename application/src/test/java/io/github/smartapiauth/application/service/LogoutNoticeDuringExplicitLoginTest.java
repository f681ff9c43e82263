package io.github.smartapiauth.application.service;

import static io.github.smartapiauth.application.fake.CoreFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.fake.FakeBroker.Operation;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.domain.session.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A logout notice (another process logged the account out) handled while an explicit login here
 * waits on the broker: the login is the later act and stands, here and in the store.
 */
class LogoutNoticeDuringExplicitLoginTest {

    @Test
    void aLogoutNoticeHandledWhileAnExplicitLoginWaitsOnTheBrokerLeavesTheLoginStandingHereAndInTheStore()
            throws Exception {
        CoreFixture fixture = new CoreFixture();
        SessionService core = fixture.core();
        core.validSession(ACCOUNT);
        fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
        fixture.broker.hold();
        CompletableFuture<Session> login = CompletableFuture.supplyAsync(() -> core.open(AccountCommand.of(ACCOUNT)));
        fixture.broker.awaitHeldCalls(1);
        // The notice of the logout elsewhere reaches this process now (the tombstone still stands).
        boolean loggedOutHere = core.adoptStoredSession(ACCOUNT);
        fixture.broker.open();
        Session opened = login.get(30, TimeUnit.SECONDS);

        assertThat(loggedOutHere).as("the notice does not undo the login in progress").isFalse();
        assertThat(fixture.store.peek(ACCOUNT)).as("the login's session is stored").contains(opened);
        assertThat(fixture.store.loggedOut(ACCOUNT)).as("the explicit login lifted the logout mark").isFalse();
        int logins = fixture.broker.calls(Operation.LOGIN);
        assertThat(core.accessToken(ACCOUNT).sameValueAs(opened.tokens().accessToken()))
                .as("the login's session is served here").isTrue();
        assertThat(fixture.broker.calls(Operation.LOGIN)).isEqualTo(logins);
    }

    @Test
    void aLogoutMarkReadBeforeAnExplicitLoginBeganDoesNotLogOutThatLoginOnceItEnded() throws Exception {
        CoreFixture fixture = new CoreFixture();
        SessionService core = fixture.core();
        core.validSession(ACCOUNT);
        fixture.store.logOutFromElsewhere(ACCOUNT, fixture.lease);
        Session[] opened = new Session[1];
        // The notice's read of the mark says "logged out"; before it is acted on, an explicit login here begins,
        // saves (lifting the mark) and ends.
        fixture.store.afterNextMarkRead(() -> opened[0] = CompletableFuture
                .supplyAsync(() -> core.open(AccountCommand.of(ACCOUNT))).join());

        boolean loggedOutHere = core.adoptStoredSession(ACCOUNT);

        assertThat(loggedOutHere).as("the out-of-date mark does not undo the later login").isFalse();
        assertThat(fixture.store.loggedOut(ACCOUNT)).isFalse();
        assertThat(core.accessToken(ACCOUNT).sameValueAs(opened[0].tokens().accessToken()))
                .as("the login's session is served here").isTrue();
    }
}
