package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** getRMS: fixed funds figures, as strings with four decimals like the real server's. */
final class FundsEndpoint implements SecureEndpoint {

    private static final String CASH = "100000.0000";
    private static final String ZERO = "0.0000";

    private final Replies replies;

    FundsEndpoint(Replies replies) {
        this.replies = replies;
    }

    @Override
    public Reply handle(IncomingRequest request, AccountState account, SandboxSession session) {
        ObjectNode data = replies.object();
        data.put("net", CASH);
        data.put("availablecash", CASH);
        data.put("availableintradaypayin", ZERO);
        data.put("availablelimitmargin", ZERO);
        data.put("collateral", ZERO);
        data.put("m2munrealized", ZERO);
        data.put("m2mrealized", ZERO);
        data.put("utiliseddebits", ZERO);
        data.putNull("utilisedspan");
        data.putNull("utilisedoptionpremium");
        data.putNull("utilisedholdingsales");
        data.putNull("utilisedexposure");
        data.putNull("utilisedturnover");
        data.put("utilisedpayout", ZERO);
        return replies.success(data);
    }
}
