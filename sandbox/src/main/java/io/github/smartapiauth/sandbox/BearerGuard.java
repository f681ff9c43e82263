package io.github.smartapiauth.sandbox;

/** Puts the gateway's token check (AG8003 / AG8001 / AG8002) in front of a secure route. */
final class BearerGuard implements Endpoint {

    private final SessionAuthority sessions;
    private final Replies replies;
    private final SecureEndpoint next;

    BearerGuard(SessionAuthority sessions, Replies replies, SecureEndpoint next) {
        this.sessions = sessions;
        this.replies = replies;
        this.next = next;
    }

    @Override
    public Reply handle(IncomingRequest request, AccountState app) {
        SessionAuthority.AccessResult access = sessions.checkAccess(request.header("Authorization"), app.clientCode());
        return switch (access.check()) {
            case VALID -> next.handle(request, app, access.session());
            case MISSING -> replies.error(ErrorCode.AG8003);
            case INVALID -> replies.error(ErrorCode.AG8001);
            case EXPIRED -> replies.error(ErrorCode.AG8002);
        };
    }
}
