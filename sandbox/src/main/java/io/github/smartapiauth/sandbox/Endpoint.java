package io.github.smartapiauth.sandbox;

/** One route's behaviour once the API key and user type have been checked. */
interface Endpoint {

    Reply handle(IncomingRequest request, AccountState app);
}
