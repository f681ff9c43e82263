package io.github.smartapiauth.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** logout: ends the calling session, so its access and refresh tokens stop working. */
final class LogoutEndpoint implements SecureEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LogoutEndpoint.class);

    private final Replies replies;

    LogoutEndpoint(Replies replies) {
        this.replies = replies;
    }

    @Override
    public Reply handle(IncomingRequest request, AccountState account, SandboxSession session) {
        session.close();
        LOG.info("session of {} logged out", account.clientCode());
        return replies.success("");
    }
}
