package io.github.smartapiauth.benchmarks;

import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.RequestLine;
import feign.Response;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost the library adds to every platform call: a platform's own Feign client of getRMS through
 * {@code requestInterceptor()} + {@code renewingClient(...)}, against the same Feign client with the
 * same headers set statically (goal: at most 1.05x), over loopback to the sandbox; and the same two
 * against a stub {@link Client} that answers at once from memory, so only Feign and our two layers
 * remain (goal: our layers at most 1 us of CPU per call). One thread, so time per call is CPU per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class PlatformCallBenchmark {

    private static final Clock SYSTEM = Clock.systemUTC();
    /** What the sandbox answers getRMS with, byte for byte in shape: the stub's canned body. */
    private static final byte[] RMS_BODY = ("{\"status\":true,\"message\":\"SUCCESS\",\"errorcode\":\"\",\"data\":"
            + "{\"net\":\"100000.0000\",\"availablecash\":\"100000.0000\",\"availableintradaypayin\":\"0.0000\","
            + "\"availablelimitmargin\":\"0.0000\",\"collateral\":\"0.0000\",\"m2munrealized\":\"0.0000\","
            + "\"m2mrealized\":\"0.0000\",\"utiliseddebits\":\"0.0000\",\"utilisedspan\":null,"
            + "\"utilisedoptionpremium\":null,\"utilisedholdingsales\":null,\"utilisedexposure\":null,"
            + "\"utilisedturnover\":null,\"utilisedpayout\":\"0.0000\"}}").getBytes(StandardCharsets.UTF_8);

    /** A platform's own SmartAPI client: funds. */
    public interface RmsApi {
        @RequestLine("GET /rest/secure/angelbroking/user/v1/getRMS")
        String getRms();
    }

    private SmartApiSandbox sandbox;
    private SmartApiAuth auth;
    private RmsApi oursOverLoopback;
    private RmsApi staticOverLoopback;
    private RmsApi oursOverStub;
    private RmsApi staticOverStub;

    @Setup
    public void start() {
        sandbox = Sandboxes.started(SYSTEM);
        auth = Sandboxes.loggedIn(sandbox.baseUri(), SYSTEM);
        String base = sandbox.baseUri().toString();
        Client network = new Client.Default(null, null);
        RequestInterceptor fixedHeaders = staticHeaders(auth.headers());
        oursOverLoopback = feign(auth.requestInterceptor(), auth.renewingClient(network), base);
        staticOverLoopback = feign(fixedHeaders, network, base);
        Client stub = new StubClient();
        oursOverStub = feign(auth.requestInterceptor(), auth.renewingClient(stub), base);
        staticOverStub = feign(fixedHeaders, stub, base);
        if (!oursOverLoopback.getRms().equals(staticOverLoopback.getRms())) {
            throw new IllegalStateException("the two clients must get the same answer");
        }
    }

    @TearDown
    public void stop() {
        auth.close();
        sandbox.close();
    }

    private static RmsApi feign(RequestInterceptor headers, Client client, String base) {
        return Feign.builder().requestInterceptor(headers).client(client).target(RmsApi.class, base);
    }

    /** The headers as a platform would set them by hand: the same names and values, fixed once. */
    private static RequestInterceptor staticHeaders(Map<String, String> headers) {
        return template -> headers.forEach(template::header);
    }

    @Benchmark
    public String loopbackThroughInterceptorAndRenewingClient() {
        return oursOverLoopback.getRms();
    }

    @Benchmark
    public String loopbackWithStaticHeaders() {
        return staticOverLoopback.getRms();
    }

    @Benchmark
    public String stubThroughInterceptorAndRenewingClient() {
        return oursOverStub.getRms();
    }

    @Benchmark
    public String stubWithStaticHeaders() {
        return staticOverStub.getRms();
    }

    /** Answers every request at once with the canned getRMS body, as a fresh response each time. */
    private static final class StubClient implements Client {
        private static final Map<String, Collection<String>> HEADERS =
                Map.of("content-type", List.of("application/json"));

        @Override
        public Response execute(Request request, Request.Options options) throws IOException {
            return Response.builder().status(200).reason("OK").request(request).headers(HEADERS)
                    .body(RMS_BODY).build();
        }
    }
}
