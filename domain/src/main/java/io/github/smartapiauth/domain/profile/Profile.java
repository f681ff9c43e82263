package io.github.smartapiauth.domain.profile;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's profile as SmartAPI reports it. SmartAPI leaves email and mobile number blank
 * on purpose; they are kept as given.
 *
 * @param lastLoginTime empty when SmartAPI sent {@code ""}
 * @param brokerId the {@code brokerid} (newer) or {@code broker} (older) field, possibly blank
 */
public record Profile(
        ClientCode clientCode,
        String name,
        String email,
        String mobileNumber,
        List<String> exchanges,
        List<String> products,
        Optional<LocalDateTime> lastLoginTime,
        String brokerId) {

    public Profile {
        Objects.requireNonNull(clientCode, "clientCode is required");
        name = Objects.requireNonNullElse(name, "");
        email = Objects.requireNonNullElse(email, "");
        mobileNumber = Objects.requireNonNullElse(mobileNumber, "");
        exchanges = List.copyOf(Objects.requireNonNullElse(exchanges, List.of()));
        products = List.copyOf(Objects.requireNonNullElse(products, List.of()));
        lastLoginTime = Objects.requireNonNullElse(lastLoginTime, Optional.empty());
        brokerId = Objects.requireNonNullElse(brokerId, "");
    }
}
