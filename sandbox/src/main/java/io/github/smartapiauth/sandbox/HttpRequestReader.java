package io.github.smartapiauth.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.x request (head, then a Content-Length or chunked body) within the limits:
 * a head over the limit is refused with 431, a body over it with 413 (before it is read, when
 * its length is declared), anything malformed with 400. The deadline is the caller's, on the input.
 */
final class HttpRequestReader {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_FIELDS = 100;

    private final HttpLimits limits;

    HttpRequestReader(HttpLimits limits) {
        this.limits = limits;
    }

    /**
     * The next request, or null when the client closed the connection before sending a byte of it.
     *
     * @param out where a {@code 100 Continue} goes when the client asks for one
     */
    HttpRequest read(DeadlineInput in, OutputStream out) throws IOException, HttpFailure {
        HeadBudget budget = new HeadBudget(limits.maxHeadBytes());
        String requestLine = line(in, budget, true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in, budget, true); // blank lines before a request are allowed
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new HttpFailure(400, "Bad Request");
        }
        String method = parts[0];
        String version = parts[2];
        if (!version.startsWith("HTTP/1.")) {
            throw new HttpFailure(505, "HTTP Version Not Supported");
        }
        RequestHeaders headers = new RequestHeaders();
        readFields(in, budget, headers);
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        byte[] body = body(in, out, headers, budget);
        return new HttpRequest(method, path, query, headers, body, keepAlive(version, headers));
    }

    private void readFields(DeadlineInput in, HeadBudget budget, RequestHeaders headers) throws IOException, HttpFailure {
        int count = 0;
        for (String field = line(in, budget, false); !field.isEmpty(); field = line(in, budget, false)) {
            int colon = field.indexOf(':');
            if (colon <= 0 || field.charAt(0) == ' ' || field.charAt(0) == '\t' || field.charAt(colon - 1) == ' ') {
                throw new HttpFailure(400, "Bad Request");
            }
            if (++count > MAX_HEADER_FIELDS) {
                throw new HttpFailure(431, "Request Header Fields Too Large");
            }
            headers.add(field.substring(0, colon), field.substring(colon + 1).strip());
        }
    }

    private byte[] body(DeadlineInput in, OutputStream out, RequestHeaders headers, HeadBudget budget)
            throws IOException, HttpFailure {
        List<String> encodings = headers.all("Transfer-Encoding");
        List<String> lengths = headers.all("Content-Length");
        if (!encodings.isEmpty() && !lengths.isEmpty()) {
            throw new HttpFailure(400, "Bad Request"); // both framings at once: refuse, as proxies must
        }
        if (!encodings.isEmpty()) {
            if (encodings.size() != 1 || !encodings.get(0).equalsIgnoreCase("chunked")) {
                throw new HttpFailure(501, "Not Implemented");
            }
            sendContinueIfAsked(headers, out);
            return chunked(in, budget);
        }
        if (lengths.isEmpty()) {
            return new byte[0];
        }
        long length = contentLength(lengths);
        if (length > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        if (length > 0) {
            sendContinueIfAsked(headers, out);
        }
        byte[] body = new byte[(int) length];
        readFully(in, body, body.length);
        return body;
    }

    private byte[] chunked(DeadlineInput in, HeadBudget budget) throws IOException, HttpFailure {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HeadBudget sizeLines = new HeadBudget(limits.maxHeadBytes());
        while (true) {
            String sizeLine = line(in, sizeLines, false);
            int extension = sizeLine.indexOf(';');
            String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
            long size;
            try {
                size = hex.isEmpty() || hex.length() > 8 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new HttpFailure(400, "Bad Request");
            }
            if (size == 0) {
                readFields(in, budget, new RequestHeaders()); // trailers, ignored
                return body.toByteArray();
            }
            if (body.size() + size > limits.maxBodyBytes()) {
                throw tooLarge();
            }
            byte[] chunk = new byte[(int) size];
            readFully(in, chunk, chunk.length);
            body.write(chunk, 0, chunk.length);
            if (!line(in, sizeLines, false).isEmpty()) {
                throw new HttpFailure(400, "Bad Request");
            }
        }
    }

    private HttpFailure tooLarge() {
        return new HttpFailure(413, "Request body too large: the sandbox accepts at most "
                + limits.maxBodyBytes() + " bytes");
    }

    private static void sendContinueIfAsked(RequestHeaders headers, OutputStream out) throws IOException {
        String expect = headers.first("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
    }

    private static long contentLength(List<String> values) throws HttpFailure {
        long length = -1;
        for (String value : values) {
            long parsed;
            try {
                parsed = value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)
                        ? -1 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            if (parsed < 0 || (length >= 0 && parsed != length)) {
                throw new HttpFailure(400, "Bad Request");
            }
            length = parsed;
        }
        return length;
    }

    private static void readFully(DeadlineInput in, byte[] target, int length) throws IOException, HttpFailure {
        int read = 0;
        while (read < length) {
            int n = in.read(target, read, length - read);
            if (n < 0) {
                throw new HttpFailure(400, "Bad Request");
            }
            read += n;
        }
    }

    /** One line without its CRLF (a bare LF is accepted); null at the end of the stream when allowed. */
    private static String line(DeadlineInput in, HeadBudget budget, boolean endAllowed) throws IOException, HttpFailure {
        StringBuilder text = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && text.length() == 0) {
                    return null;
                }
                throw new HttpFailure(400, "Bad Request");
            }
            budget.spend();
            if (b == '\n') {
                int end = text.length();
                if (end > 0 && text.charAt(end - 1) == '\r') {
                    text.setLength(end - 1);
                }
                return text.toString();
            }
            text.append((char) b);
        }
    }

    private static boolean keepAlive(String version, RequestHeaders headers) {
        String connection = headers.first("Connection");
        String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if (version.equals("HTTP/1.0")) {
            return value.contains("keep-alive");
        }
        return !value.contains("close");
    }

    /** Bytes left for the head; over it, 431. */
    private static final class HeadBudget {
        private int left;

        HeadBudget(int left) {
            this.left = left;
        }

        void spend() throws HttpFailure {
            if (--left < 0) {
                throw new HttpFailure(431, "Request Header Fields Too Large");
            }
        }
    }
}
