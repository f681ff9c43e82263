package io.github.smartapiauth.adapter.http;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach SmartAPI. The three client-identity headers come from here, never from a
 * network look-up; the defaults are harmless placeholders.
 *
 * @param baseUrl the REST root; HTTPS, or plain HTTP to a loopback host (the sandbox)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param clientLocalIp the {@code X-ClientLocalIP} header
 * @param clientPublicIp the {@code X-ClientPublicIP} header (the IP registered for static-IP accounts)
 * @param macAddress the {@code X-MACAddress} header
 * @param pacing whether calls wait their turn to stay within SmartAPI's per-second limits
 */
public record HttpSettings(URI baseUrl, Duration connectTimeout, Duration readTimeout, String clientLocalIp,
                           String clientPublicIp, String macAddress, boolean pacing) {

    public static final URI PRODUCTION = URI.create("https://apiconnect.angelone.in");
    public static final String DEFAULT_IP = "127.0.0.1";
    public static final String DEFAULT_MAC = "00:00:00:00:00:00";

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");

    public HttpSettings {
        Objects.requireNonNull(baseUrl, "baseUrl is required");
        Objects.requireNonNull(connectTimeout, "connectTimeout is required");
        Objects.requireNonNull(readTimeout, "readTimeout is required");
        baseUrl = checkedBaseUrl(baseUrl);
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        requireIp(clientLocalIp, "X-ClientLocalIP (client local IP)");
        requireIp(clientPublicIp, "X-ClientPublicIP (client public IP)");
        if (macAddress == null || !MAC.matcher(macAddress).matches()) {
            throw new ConfigurationException("the X-MACAddress header value is not a MAC address; expected six hex pairs"
                    + " like 00:1A:2B:3C:4D:5E");
        }
    }

    /** The production host with 10 s connect and 15 s read timeouts and pacing on. */
    public static HttpSettings production() {
        return forBaseUrl(PRODUCTION);
    }

    public static HttpSettings forBaseUrl(URI baseUrl) {
        return new HttpSettings(baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(15), DEFAULT_IP, DEFAULT_IP,
                DEFAULT_MAC, true);
    }

    public static HttpSettings forBaseUrl(String baseUrl) {
        try {
            return forBaseUrl(new URI(Objects.requireNonNull(baseUrl, "baseUrl is required").trim()));
        } catch (URISyntaxException e) {
            throw new ConfigurationException("the SmartAPI base URL is not a valid URL (" + e.getReason()
                    + "); expected e.g. " + PRODUCTION);
        }
    }

    /**
     * The headers SmartAPI expects on every call, except the API key and the bearer token: content
     * type, accept, user type, source id and the three client-identity headers.
     */
    public Map<String, String> standardHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-UserType", "USER");
        headers.put("X-SourceID", "WEB");
        headers.put("X-ClientLocalIP", clientLocalIp);
        headers.put("X-ClientPublicIP", clientPublicIp);
        headers.put("X-MACAddress", macAddress);
        return headers;
    }

    public HttpSettings withTimeouts(Duration connect, Duration read) {
        return new HttpSettings(baseUrl, connect, read, clientLocalIp, clientPublicIp, macAddress, pacing);
    }

    public HttpSettings withClientIdentity(String localIp, String publicIp, String mac) {
        return new HttpSettings(baseUrl, connectTimeout, readTimeout, localIp, publicIp, mac, pacing);
    }

    public HttpSettings withPacing(boolean enabled) {
        return new HttpSettings(baseUrl, connectTimeout, readTimeout, clientLocalIp, clientPublicIp, macAddress, enabled);
    }

    private static URI checkedBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || (!scheme.equals("https") && !scheme.equals("http"))) {
            throw new ConfigurationException("the SmartAPI base URL " + shown(url) + " is not an http(s) URL with a host;"
                    + " expected e.g. " + PRODUCTION);
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new ConfigurationException("the SmartAPI base URL must be a bare root like " + PRODUCTION
                    + "; remove the user info, query or fragment from " + shown(url));
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new ConfigurationException("the SmartAPI base URL " + shown(url) + " uses plain HTTP to a non-loopback"
                    + " host; tokens and the API key would travel unencrypted. Use https:// (plain HTTP is allowed only"
                    + " for localhost, 127.x.x.x and [::1], e.g. the sandbox)");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            throw new ConfigurationException("the SmartAPI base URL " + shown(url) + " has port " + url.getPort()
                    + "; expected 1 to 65535, or none");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    /**
     * A URL as messages may show it: scheme, host, port and path, never the user info (which may be a
     * password), the query or the fragment; and nothing at all of a URL without a host, whose parts
     * cannot be told apart (in {@code u:secret@host} the "scheme" is the user name).
     */
    static String shown(URI url) {
        if (url.getHost() == null || url.getScheme() == null) {
            return "(not shown: it has no recognisable host)";
        }
        boolean hidden = url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null;
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (hidden ? " (user info, query and fragment not shown)" : "");
    }

    /** Only literal loopback addresses and {@code localhost}: a name like {@code 127.example} is not loopback. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || (h.startsWith("127.") && IPV4.matcher(h).matches());
    }

    static boolean isIpv6(String value) {
        String[] halves = value.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (!IPV6_GROUP.matcher(group).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return halves.length == 2 ? groups < 8 : groups == 8;
    }

    private static void requirePositive(Duration value, String what) {
        if (value.toMillis() <= 0 || value.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigurationException("the " + what + " is " + value
                    + "; expected at least 1 ms and at most 5 minutes");
        }
    }

    private static void requireIp(String value, String what) {
        if (value == null || !(IPV4.matcher(value).matches() || isIpv6(value))) {
            throw new ConfigurationException("the " + what + " header value is not an IP address; expected e.g. 192.168.1.10");
        }
    }
}
