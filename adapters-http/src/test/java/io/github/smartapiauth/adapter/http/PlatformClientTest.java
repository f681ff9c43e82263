package io.github.smartapiauth.adapter.http;

import static io.github.smartapiauth.adapter.http.SandboxFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Feign;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import io.github.smartapiauth.application.fake.InMemoryLease;
import io.github.smartapiauth.application.fake.InMemoryStore;
import io.github.smartapiauth.application.fake.RecordingEvents;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.sandbox.CapturedRequest;
import io.github.smartapiauth.sandbox.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A platform's own Feign client of getRMS, kept authenticated by the interceptor and the renewing client. */
@Timeout(120)
class PlatformClientTest {

    private static final int THREADS = 50;
    private static final int CALLS_EACH = 20;

    private final SandboxFixture fixture = new SandboxFixture();
    private final ClientCode account = ClientCode.of(ACCOUNT.clientCode());
    private final SessionService sessions = SessionService.builder()
            .account(SandboxFixture.credentials())
            .authentication(fixture.client).profiles(fixture.client)
            .oneTimePasswords((code, instant) -> TotpCode.of(ACCOUNT.totpAt(instant)))
            .store(new InMemoryStore()).lease(new InMemoryLease()).events(new RecordingEvents())
            .clock(fixture.clock).sleeper(fixture.clock::advance)
            .build();
    private final AccountTokens tokens = sessions.forAccount(account);
    private final RmsApi rms = Feign.builder()
            .requestInterceptor(new SmartApiRequestInterceptor(tokens, ApiKey.of(ACCOUNT.apiKey()), fixture.settings()))
            .client(new TokenRenewingClient(new Http2Client(), tokens, sessions))
            .decoder(new JacksonDecoder())
            .target(RmsApi.class, fixture.baseUrl.toString());
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        fixture.close();
    }

    @Test
    void sendsSmartApisHeadersAndTheCurrentBearerToken() {
        JsonNode answer = rms.getRms();

        assertThat(answer.path("status").asBoolean()).isTrue();
        CapturedRequest sent = fixture.sandbox.requests(Route.GET_RMS).get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + tokens.accessToken().value());
        assertThat(sent.header("X-PrivateKey")).isEqualTo(ACCOUNT.apiKey());
        assertThat(sent.header("X-UserType")).isEqualTo("USER");
        assertThat(sent.header("X-SourceID")).isEqualTo("WEB");
        assertThat(sent.header("X-MACAddress")).isEqualTo(HttpSettings.DEFAULT_MAC);
    }

    @Test
    void fiftyThreadsKeepSucceedingWhileTheServerRevokesTheSessionWithExactlyOneRenewal() throws Exception {
        AccessToken before = tokens.accessToken();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        CountDownLatch quarterDone = new CountDownLatch(THREADS * CALLS_EACH / 4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(threads.submit(() -> {
                start.await();
                int succeeded = 0;
                for (int i = 0; i < CALLS_EACH; i++) {
                    succeeded += rms.getRms().path("status").asBoolean() ? 1 : 0;
                    quarterDone.countDown();
                }
                return succeeded;
            }));
        }
        start.await();
        assertThat(quarterDone.await(30, TimeUnit.SECONDS)).as("a quarter of the calls are done").isTrue();
        assertThat(fixture.sandbox.revokeSessions(ACCOUNT.clientCode())).isEqualTo(1);

        int succeeded = 0;
        for (Future<Integer> worker : workers) {
            succeeded += worker.get(60, TimeUnit.SECONDS);
        }

        assertThat(succeeded).isEqualTo(THREADS * CALLS_EACH);
        assertThat(tokens.accessToken()).isNotEqualTo(before);
        assertThat(fixture.sandbox.calls(Route.GENERATE_TOKENS)).as("one refresh, refused: the session was revoked")
                .isEqualTo(1);
        assertThat(fixture.sandbox.calls(Route.LOGIN)).as("the first login and exactly one renewal").isEqualTo(2);
    }
}
