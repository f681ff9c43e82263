package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;

/** getProfile: the account's profile, with the login time of the calling session. */
final class ProfileEndpoint implements SecureEndpoint {

    private static final DateTimeFormatter LOGIN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TokenExpiry.IST);

    private final Replies replies;

    ProfileEndpoint(Replies replies) {
        this.replies = replies;
    }

    @Override
    public Reply handle(IncomingRequest request, AccountState account, SandboxSession session) {
        AccountProfile profile = account.account().profile();
        ObjectNode data = replies.object();
        data.put("clientcode", account.clientCode());
        data.put("name", profile.name());
        data.put("email", profile.email());
        data.put("mobileno", profile.mobileNo());
        profile.exchanges().forEach(data.putArray("exchanges")::add);
        profile.products().forEach(data.putArray("products")::add);
        data.put("lastlogintime", LOGIN_TIME.format(session.openedAt()));
        // Both names, as the real server's older and newer profiles carry them (the Java SDK reads "broker").
        data.put("broker", profile.brokerId());
        data.put("brokerid", profile.brokerId());
        return replies.success(data);
    }
}
