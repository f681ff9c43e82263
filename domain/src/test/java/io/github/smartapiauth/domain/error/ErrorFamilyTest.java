package io.github.smartapiauth.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorFamilyTest {

    @Test
    void onlyOutagesAndRateLimitsAreTransient() {
        assertThat(new BrokerUnavailableException("down").isTransient()).isTrue();
        assertThat(new RateLimitedException("slow down", Duration.ofSeconds(1)).isTransient()).isTrue();
        assertThat(new InvalidCredentialsException("bad").isTransient()).isFalse();
        assertThat(new InvalidTotpException("bad").isTransient()).isFalse();
        assertThat(new RefreshRejectedException("no").isTransient()).isFalse();
        assertThat(new SessionExpiredException("gone").isTransient()).isFalse();
        assertThat(new ConfigurationException("fix it").isTransient()).isFalse();
        assertThat(new SessionStoreException("disk").isTransient()).isFalse();
        assertThat(new UnexpectedResponseException("what").isTransient()).isFalse();
        assertThat(new InterruptedWaitException("stopped waiting").isTransient()).isFalse();
        assertThat(new ClockSkewException("clock ahead").isTransient()).isFalse();
    }

    @Test
    void aRenewalThatOutlivedItsDeadlineIsTransient() {
        assertThat(new RenewalTimeoutException("too long").isTransient()).isTrue();
    }

    @Test
    void keepsTheBrokerCodeForReports() {
        assertThat(new InvalidTotpException("Invalid totp", "AB1050").brokerCode()).contains("AB1050");
        assertThat(new InvalidTotpException("Invalid totp", " ").brokerCode()).isEmpty();
        assertThat(new InvalidTotpException("Invalid totp", "AB1050"))
                .hasToString("InvalidTotpException: Invalid totp");
    }

    @Test
    void theFamilyIsSealed() {
        assertThat(SmartApiAuthException.class.isSealed()).isTrue();
        assertThat(SmartApiAuthException.class.getPermittedSubclasses()).hasSize(12);
    }
}
