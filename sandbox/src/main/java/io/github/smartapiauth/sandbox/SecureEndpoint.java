package io.github.smartapiauth.sandbox;

/** A route under {@code /rest/secure}: its behaviour once the bearer token has been accepted. */
interface SecureEndpoint {

    Reply handle(IncomingRequest request, AccountState account, SandboxSession session);
}
