package io.github.smartapiauth.bootstrap.cli;

import feign.Feign;
import feign.RequestLine;
import feign.http2client.Http2Client;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import java.net.URI;

/**
 * The demo's example of a platform's own SmartAPI client (funds), authenticated by the library. A
 * class of its own so that loading the CLI's commands does not load Feign: only the demo uses it.
 */
final class DemoPlatformCall {

    private DemoPlatformCall() {
    }

    interface FundsApi {
        @RequestLine("GET /rest/secure/angelbroking/user/v1/getRMS")
        String funds();
    }

    /** The answer of getRMS through Feign, with the library's headers and its renew-once-on-AG8001 client. */
    static String funds(SmartApiAuth auth, URI base) {
        FundsApi funds = Feign.builder()
                .requestInterceptor(auth.requestInterceptor())
                .client(auth.renewingClient(new Http2Client()))
                .target(FundsApi.class, base.toString());
        return funds.funds();
    }
}
