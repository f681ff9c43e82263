package io.github.smartapiauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.smartapiauth.application.fake.CoreFixture;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The exact conversation between the core and its driven ports during a first login. */
class PortInteractionTest {

    private static final Instant NOW = CoreFixture.MARKET_OPEN;
    private static final ClientCode ACCOUNT = CoreFixture.ACCOUNT;

    private final AuthenticationPort authentication = mock(AuthenticationPort.class);
    private final OneTimePasswordPort codes = mock(OneTimePasswordPort.class);
    private final SessionStorePort store = mock(SessionStorePort.class);
    private final SessionLeasePort leases = mock(SessionLeasePort.class);
    private final SessionLeasePort.Lease lease = mock(SessionLeasePort.Lease.class);
    private final SessionEventsPort events = mock(SessionEventsPort.class);
    private final Credentials credentials = CoreFixture.credentials(ACCOUNT);

    @Test
    void aFirstLoginTakesTheLeaseReadsTheStoreLogsInSavesReleasesAndOnlyThenPublishes() throws Exception {
        TotpCode code = TotpCode.of("123456");
        TokenSet tokens = new TokenSet(AccessToken.withoutExpiry("a.b.c"), RefreshToken.of("r"), FeedToken.of("f"));
        when(leases.acquire(eq(ACCOUNT), any())).thenReturn(lease);
        when(store.load(ACCOUNT)).thenReturn(Optional.empty());
        when(codes.codeAt(ACCOUNT, NOW)).thenReturn(code);
        when(authentication.login(credentials, code)).thenReturn(tokens);
        when(store.saveUnlessLoggedOut(any(), eq(lease))).thenReturn(true);

        SessionService core = SessionService.builder()
                .account(credentials).authentication(authentication).profiles(mock(ProfilePort.class))
                .oneTimePasswords(codes).store(store).lease(leases).events(events)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).background(Runnable::run).renewals(Runnable::run)
                .build();
        Session session = core.validSession(ACCOUNT);

        InOrder order = inOrder(leases, store, codes, authentication, events, lease);
        order.verify(leases).acquire(eq(ACCOUNT), any());
        order.verify(store).load(ACCOUNT);
        order.verify(codes).codeAt(ACCOUNT, NOW);
        order.verify(authentication).login(credentials, code);
        // An automatic login: the store keeps it only while no logout is in force (atomically).
        order.verify(store).saveUnlessLoggedOut(session, lease);
        order.verify(lease).close();
        order.verify(events).publish(any(SessionEvent.Opened.class));
        verify(authentication, never()).refresh(any(), any());
        assertThat(code.isWiped()).as("the code is wiped once sent").isTrue();
        assertThat(session.tokens()).isSameAs(tokens);
    }

    @Test
    void buildingTheCoreTouchesNoPort() {
        SessionService.builder()
                .account(credentials).authentication(authentication).profiles(mock(ProfilePort.class))
                .oneTimePasswords(codes).store(store).lease(leases).events(events)
                .build();

        org.mockito.Mockito.verifyNoInteractions(authentication, codes, store, leases, events);
    }
}
