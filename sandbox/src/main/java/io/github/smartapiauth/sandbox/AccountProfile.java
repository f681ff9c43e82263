package io.github.smartapiauth.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * What getProfile answers for an account. Email and mobile number are blank on the real
 * server on purpose; they may be set here for tests of clients that display them.
 */
public record AccountProfile(String name, String email, String mobileNo, List<String> exchanges,
                             List<String> products, String brokerId) {

    public AccountProfile {
        Objects.requireNonNull(name, "name");
        email = Objects.requireNonNullElse(email, "");
        mobileNo = Objects.requireNonNullElse(mobileNo, "");
        exchanges = List.copyOf(exchanges);
        products = List.copyOf(products);
        brokerId = Objects.requireNonNullElse(brokerId, "");
    }

    /** A typical retail profile: blank email and mobile, the usual exchanges and products. */
    public static AccountProfile named(String name) {
        return new AccountProfile(name, "", "",
                List.of("NSE", "BSE", "NFO", "BFO", "CDS", "MCX"),
                List.of("MARGIN", "MIS", "NRML", "CNC", "CO", "BO"),
                "B2C");
    }
}
