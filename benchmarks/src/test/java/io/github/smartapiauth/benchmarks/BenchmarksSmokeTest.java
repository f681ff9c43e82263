package io.github.smartapiauth.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.domain.credential.TotpCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark method once, outside JMH, so that the suite cannot rot between runs of
 * {@code benchmarks/run.sh}; measures nothing. The harness mains run with tiny settings.
 */
class BenchmarksSmokeTest {

    @Test
    void platformCallBenchmarksGetTheSameFundsThroughOurLayersAndWithStaticHeaders() {
        PlatformCallBenchmark benchmark = new PlatformCallBenchmark();
        benchmark.start();
        try {
            assertThat(benchmark.loopbackThroughInterceptorAndRenewingClient())
                    .isEqualTo(benchmark.loopbackWithStaticHeaders()).contains("availablecash");
            assertThat(benchmark.stubThroughInterceptorAndRenewingClient())
                    .isEqualTo(benchmark.stubWithStaticHeaders()).contains("availablecash");
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void theFreshPathWithMetricsOnServesATokenLikeTheOneWithout() {
        FreshPathWithMetricsBenchmark benchmark = new FreshPathWithMetricsBenchmark();
        benchmark.open();
        try {
            assertThat(benchmark.handleAccessTokenMetricsOn().value()).isNotBlank();
            assertThat(benchmark.handleAccessTokenMetricsOff().value()).isNotBlank();
            assertThat(benchmark.floorClockMillis()).isPositive();
        } finally {
            benchmark.close();
        }
    }

    @Test
    void accessTokenBenchmarksServeTheSessionToken() {
        AccessTokenBenchmark benchmark = new AccessTokenBenchmark.OneThread();
        benchmark.open();
        try {
            String plain = benchmark.baselineVolatileRead();
            assertThat(benchmark.handleAccessToken().value()).isEqualTo(plain);
            assertThat(benchmark.handleAccessTokenValue()).isEqualTo(plain);
            assertThat(benchmark.facadeAccessToken()).isEqualTo(plain);
            assertThat(benchmark.floorClockInstant()).isNotNull();
            assertThat(benchmark.floorClockMillis()).isPositive();
        } finally {
            benchmark.close();
        }
    }

    @Test
    void everyTotpImplementationGivesTheSameCodeForTheSameStep() throws Exception {
        TotpBenchmark ours = new TotpBenchmark();
        TotpBenchmark javaTotp = new TotpBenchmark();
        TotpBenchmark googleAuth = new TotpBenchmark();
        TotpBenchmark bare = new TotpBenchmark();
        for (TotpBenchmark benchmark : new TotpBenchmark[] {ours, javaTotp, googleAuth, bare}) {
            benchmark.prepare();
        }
        try {
            TotpCode code = ours.ours();
            assertThat(String.format("%06d", googleAuth.googleAuth())).isEqualTo(code.reveal());
            assertThat(javaTotp.javaTotp()).isEqualTo(code.reveal());
            assertThat(bare.baselineBareHmac()).hasSize(20);
        } finally {
            for (TotpBenchmark benchmark : new TotpBenchmark[] {ours, javaTotp, googleAuth, bare}) {
                benchmark.close();
            }
        }
    }

    @Test
    void roundTripsSucceedOnBothClients() {
        RoundTripBenchmark benchmark = new RoundTripBenchmark();
        benchmark.start();
        try {
            assertThat(benchmark.loginOurs().accessToken().value()).isNotEmpty();
            assertThat(RawCalls.succeeded(benchmark.loginRawHttpClient())).isTrue();
            assertThat(benchmark.refreshOurs().accessToken().value()).isNotEmpty();
            assertThat(RawCalls.succeeded(benchmark.refreshRawHttpClient())).isTrue();
            assertThat(RawCalls.succeeded(benchmark.refreshRawHttpClientStreamingBody())).isTrue();
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void vaultBenchmarksReadWhatTheyWrite() throws Exception {
        VaultBenchmark benchmark = new VaultBenchmark();
        benchmark.prepare();
        try {
            assertThat(benchmark.baselineAesGcmDecrypt()).isNotEmpty();
            assertThat(benchmark.baselineAesGcmDecryptNewCipher()).isNotEmpty();
            assertThat(benchmark.baselineAesGcmEncrypt()).isNotEmpty();
            assertThat(benchmark.baselineReadFileAndDecrypt()).isNotEmpty();
            assertThat(benchmark.writeOursFsync()).isNotNull();
            assertThat(benchmark.writeOursNoFsync()).isNotNull();
            assertThat(benchmark.readOurs()).isPresent();
        } finally {
            benchmark.clean();
        }
    }

    @Test
    void argon2idDerivesA32ByteKey() {
        KdfBenchmark benchmark = new KdfBenchmark();
        benchmark.cost = "OWASP_MINIMUM";
        assertThat(benchmark.argon2id()).hasSize(32);
    }

    @Test
    void theProductionInjectorBuildsTheSessionService() {
        InjectorBenchmark benchmark = new InjectorBenchmark();
        benchmark.read();
        assertThat(benchmark.productionInjector().accounts()).hasSize(1);
    }

    @Test
    void theHarnessesRunAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        ThunderingHerd.main(new String[] {"20", "1", dir.resolve("herd.properties").toString()});
        ProfileThroughput.main(new String[] {"1", "0", "1", dir.resolve("throughput-httpclient.properties").toString()});
        assertThat(Results.read(dir.resolve("herd.properties")))
                .containsEntry("herd.expired.upstream.max", "1")
                .containsEntry("herd.stale.upstream.max", "1");

        Path report = dir.resolve("benchmarks.md");
        BenchReport.main(new String[] {dir.toString(), report.toString(), "smoke"});
        assertThat(Files.readString(report)).contains("| thundering herd at EXPIRED");
    }
}
