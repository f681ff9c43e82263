package io.github.smartapiauth.adapter.http;

import feign.Response;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a response body with a size cap, so a hostile or broken server cannot exhaust memory. */
final class CappedBodyReader {

    static final int MAX_BODY_BYTES = 1 << 20;
    static final String CAP_TEXT = "1 MiB (" + MAX_BODY_BYTES + " bytes)";

    private CappedBodyReader() {
    }

    static byte[] read(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(chunk)) != -1; ) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw new UnexpectedResponseException("SmartAPI answered with a body larger than "
                            + CAP_TEXT + "; refusing to read it");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }
}
