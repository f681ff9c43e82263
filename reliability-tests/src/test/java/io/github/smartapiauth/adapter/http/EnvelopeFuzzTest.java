package io.github.smartapiauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.reliability.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The HTTP envelope decoder (package-private {@link SmartApiResponseReader#dataOf}) on seeded envelopes, their
 * byte mutations, hostile shapes (deep nesting, huge numbers and strings) and random bytes, with
 * every status class: the envelope's data or one of the domain's errors; nothing else, no hang.
 * The body size cap itself ({@link CappedBodyReader}) is applied before this decoder and tested in adapters-http.
 */
@Order(23)
class EnvelopeFuzzTest {

    private static final int[] STATUSES = {200, 200, 200, 201, 204, 400, 401, 403, 404, 415, 429, 500, 502, 503, 0, 999};
    private static final String[] CODES = {"", "AG8001", "AG8002", "AB1010", "AB8050", "AB1050", "AB7001", "AB1007",
        "AB1004", "AG7002", "AG8004", "AB1005", "AB2001", "XX9999", "AB1006", "AB1032"};

    @Test
    void answersDataOrADomainErrorForAnyBody() {
        int cases = Fuzz.cases();
        Random random = new Random(Fuzz.SEED + 13);
        SmartApiResponseReader responses = new SmartApiResponseReader(new ObjectMapper());
        List<String> undeclared = new ArrayList<>();
        int[] outcome = new int[2];
        Fuzz.inBatches(cases, Duration.ofSeconds(30), i -> {
            byte[] body = switch (i % 6) {
                case 0 -> envelope(random).getBytes(StandardCharsets.UTF_8);
                case 1, 2 -> Fuzz.mutate(envelope(random).getBytes(StandardCharsets.UTF_8), random);
                case 3 -> Fuzz.mutate(envelope(random), random, "{}[]\":,truefalsenull0123456789.eE-+\\u ")
                        .getBytes(StandardCharsets.UTF_8);
                case 4 -> hostile(random, i);
                default -> randomBytes(random);
            };
            int status = STATUSES[random.nextInt(STATUSES.length)];
            try {
                responses.dataOf("getProfile", status, body);
                outcome[0]++;
            } catch (SmartApiAuthException declared) {
                outcome[1]++;
            } catch (RuntimeException | Error other) {
                undeclared.add("case " + i + " (HTTP " + status + ", " + body.length + " bytes): " + other);
            }
        });
        io.github.smartapiauth.reliability.Fuzz.report(24, "- SmartApiResponseReader.dataOf (HTTP envelope decoder): **" + cases
                + "** bodies (seed " + (Fuzz.SEED + 13) + "), " + outcome[0] + " decoded, " + outcome[1]
                + " domain errors, " + undeclared.size() + " undeclared outcomes\n");
        assertThat(undeclared).isEmpty();
    }

    private static String envelope(Random random) {
        boolean ok = random.nextBoolean();
        String code = ok ? "" : CODES[random.nextInt(CODES.length)];
        String data = switch (random.nextInt(5)) {
            case 0 -> "null";
            case 1 -> "{\"jwtToken\":\"eyJhbGciOiJIUzUxMiJ9.e30.c2ln\",\"refreshToken\":\"r\",\"feedToken\":\"f\"}";
            case 2 -> "{\"clientcode\":\"R7700123\",\"name\":\"Sentinel\",\"exchanges\":[\"NSE\",\"BSE\"]}";
            case 3 -> "[1,2,3]";
            default -> "\"text\"";
        };
        String statusField = random.nextBoolean() ? "\"status\":" + ok : "\"success\":" + ok;
        String codeField = (random.nextBoolean() ? "\"errorcode\":\"" : "\"errorCode\":\"") + code + "\"";
        return "{" + statusField + ",\"message\":\"" + (ok ? "SUCCESS" : "Something \\u0000 went wrong") + "\","
                + codeField + ",\"data\":" + data + "}";
    }

    /** Shapes a hostile server would send: deep nesting, huge numbers, long strings, HTML, rate-limit text. */
    private static byte[] hostile(Random random, int i) {
        int size = 1 + random.nextInt(200_000);
        String text = switch (i / 6 % 7) {
            case 0 -> "[".repeat(size);
            case 1 -> "{\"status\":true,\"data\":" + "{\"a\":".repeat(Math.min(size, 50_000)) + "1" + "}".repeat(Math.min(size, 50_000)) + "}";
            case 2 -> "{\"status\":true,\"data\":" + "9".repeat(size) + "}";
            case 3 -> "{\"status\":true,\"message\":\"" + "x".repeat(size) + "\",\"data\":null}";
            case 4 -> "<html><body>Request Rejected " + "<".repeat(size % 1000) + "</body></html>";
            case 5 -> "Access denied because of exceeding access rate" + " ".repeat(size % 100);
            default -> "{\"status\":false,\"errorcode\":\"" + "A".repeat(size) + "\",\"message\":\"" + "\\n".repeat(size % 1000) + "\"}";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }
}
