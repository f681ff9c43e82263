package io.github.smartapiauth.sandbox;

import java.time.Instant;
import java.util.List;

/** Accounts and instants the HTTP tests share. */
final class TestAccounts {

    /** Monday 2025-01-06, 09:30 IST. */
    static final Instant MORNING = Instant.parse("2025-01-06T04:00:00Z");
    /** Midnight IST after {@link #MORNING}. */
    static final Instant MIDNIGHT_IST = Instant.parse("2025-01-06T18:30:00Z");

    static final SandboxAccount ALPHA = new SandboxAccount("alpha-api-key-7Qx", "A100001", "4321",
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            new AccountProfile("Alpha Trader", "alpha@example.com", "9999900001", List.of("NSE", "BSE"),
                    List.of("CNC", "MIS"), "B2C"));
    static final SandboxAccount BETA = SandboxAccount.of("beta-api-key-3Kz", "B200002", "8765", "KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF");

    private TestAccounts() {
    }
}
