package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.health.AccountHealth;
import java.util.List;

/**
 * Each account's health from memory: state, why it is blocked, when its session ends, how its last
 * renewal ended. Never touches the network or the store, so a health endpoint may call it as often
 * as it likes.
 */
public interface GetHealthUseCase {

    /** Every configured account's health, in client-code order. */
    List<AccountHealth> health();

    /** One account's health. */
    AccountHealth health(ClientCode account);
}
