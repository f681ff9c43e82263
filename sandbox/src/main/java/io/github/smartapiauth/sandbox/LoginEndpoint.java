package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** loginByPassword: client code, then MPIN, then TOTP, as the real server checks them. */
final class LoginEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final AccountDirectory accounts;
    private final SessionAuthority sessions;
    private final Replies replies;
    private final Clock clock;

    LoginEndpoint(AccountDirectory accounts, SessionAuthority sessions, Replies replies, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public Reply handle(IncomingRequest request, AccountState app) {
        AccountState account = accounts.byClientCode(request.field("clientcode"));
        if (account != app) {
            // Unknown, or a client code of another app's account: this app has no such user.
            return rejected(app, ErrorCode.AB1032);
        }
        String password = request.field("password");
        if (password == null || !DIGITS.matcher(password).matches()) {
            return rejected(app, ErrorCode.AB7001);
        }
        if (!account.mpinMatches(password)) {
            return rejected(app, ErrorCode.AB1007);
        }
        if (!account.totp().accept(request.field("totp"), clock.instant())) {
            return rejected(app, ErrorCode.AB1050);
        }
        IssuedTokens tokens = sessions.open(account.clientCode());
        ObjectNode data = replies.object();
        data.put("jwtToken", tokens.jwtToken());
        data.put("refreshToken", tokens.refreshToken());
        data.put("feedToken", tokens.feedToken());
        String state = request.field("state");
        if (state != null) {
            data.put("state", state);
        }
        LOG.info("login of {} accepted", account.clientCode());
        return replies.success(data);
    }

    private Reply rejected(AccountState app, ErrorCode code) {
        LOG.info("login for the app of {} rejected with {}", app.clientCode(), code);
        return replies.error(code);
    }
}
