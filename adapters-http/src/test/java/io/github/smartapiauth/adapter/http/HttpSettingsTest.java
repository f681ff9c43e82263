package io.github.smartapiauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void productionIsTheCurrentHostOverHttpsWithPacing() {
        HttpSettings production = HttpSettings.production();
        assertThat(production.baseUrl()).hasToString("https://apiconnect.angelone.in");
        assertThat(production.pacing()).isTrue();
        assertThat(production.clientLocalIp()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1/", "http://[::1]:9000", "https://example.com"})
    void acceptsHttpsAndPlainHttpToLoopback(String url) {
        assertThat(HttpSettings.forBaseUrl(url).baseUrl().toString()).doesNotEndWith("/");
    }

    @Test
    void refusesPlainHttpToAnyOtherHost() {
        assertThatThrownBy(() -> HttpSettings.forBaseUrl("http://apiconnect.angelone.in"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("uses plain HTTP to a non-loopback host")
                .hasMessageContaining("Use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "not a url", "https://", "https://user:pw@host", "https://host/?q=1"})
    void refusesWhatIsNotABareHttpRoot(String url) {
        assertThatThrownBy(() -> HttpSettings.forBaseUrl(url)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("base URL").hasMessageNotContaining("pw@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.example", "http://127.0.0.1.nip.io", "https://host:99999", "https://host:0"})
    void refusesLookalikesOfLoopbackAndImpossiblePorts(String url) {
        assertThatThrownBy(() -> HttpSettings.forBaseUrl(url)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void acceptsOnlyRealIpv6Literals() {
        HttpSettings settings = HttpSettings.production();
        assertThat(HttpSettings.isIpv6("::1")).isTrue();
        assertThat(HttpSettings.isIpv6("2001:db8:0:0:0:0:2:1")).isTrue();
        assertThat(HttpSettings.isIpv6(":::::")).isFalse();
        assertThat(HttpSettings.isIpv6("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThatThrownBy(() -> settings.withClientIdentity("1.2.3.4", "::g", HttpSettings.DEFAULT_MAC))
                .hasMessageContaining("X-ClientPublicIP");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ofNanos(500_000), Duration.ofSeconds(1)))
                .hasMessageContaining("at least 1 ms");
    }

    @Test
    void refusesMalformedIdentityHeadersAndTimeouts() {
        HttpSettings settings = HttpSettings.production();
        assertThatThrownBy(() -> settings.withClientIdentity("300.1.1.1", "1.2.3.4", HttpSettings.DEFAULT_MAC))
                .hasMessageContaining("X-ClientLocalIP");
        assertThatThrownBy(() -> settings.withClientIdentity("1.2.3.4", "1.2.3.4", "00-11"))
                .hasMessageContaining("X-MACAddress");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout is PT0S");
        assertThat(settings.withClientIdentity("10.0.0.2", "2001:db8::1", "00:1A:2B:3C:4D:5E").clientPublicIp())
                .isEqualTo("2001:db8::1");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"http://u:s3cretPw@10.0.0.5", "https://u:s3cretPw@broker.example",
            "http://u:s3cretPw@127.0.0.1:8080/x?k=s3cretPw#s3cretPw", "u:s3cretPw@broker.example", "http://u:s3cretPw@"})
    void aBaseUrlWithUserInfoIsRefusedWithoutEchoingIt(String url) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpSettings.forBaseUrl(url))
                .isInstanceOf(io.github.smartapiauth.domain.error.ConfigurationException.class)
                .hasMessageNotContaining("s3cretPw").hasMessageNotContaining("u:");
    }
}
