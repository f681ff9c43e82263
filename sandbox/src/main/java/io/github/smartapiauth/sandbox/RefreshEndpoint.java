package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * generateTokens. The {@code Authorization} header every SDK sends is not required: whether
 * the real server needs it is unconfirmed, and an expired access token must not block a refresh.
 */
final class RefreshEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshEndpoint.class);

    private final SessionAuthority sessions;
    private final Replies replies;

    RefreshEndpoint(SessionAuthority sessions, Replies replies) {
        this.sessions = sessions;
        this.replies = replies;
    }

    @Override
    public Reply handle(IncomingRequest request, AccountState app) {
        RefreshOutcome outcome = sessions.refresh(request.field("refreshToken"), app.clientCode());
        if (!outcome.succeeded()) {
            ErrorCode code = outcome.expired() ? ErrorCode.AB8051 : ErrorCode.AB8050;
            LOG.info("refresh for {} rejected with {}", app.clientCode(), code);
            return replies.error(code);
        }
        IssuedTokens tokens = outcome.tokens();
        ObjectNode data = replies.object();
        data.put("jwtToken", tokens.jwtToken());
        data.put("refreshToken", tokens.refreshToken());
        data.put("feedToken", tokens.feedToken());
        LOG.info("tokens of {} refreshed", app.clientCode());
        return replies.success(data);
    }
}
