package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/** The plaintext of a sealed value: one session, versioned and length-prefixed (docs/redis-format.md). */
final class SessionRecord {

    static final int VERSION = 1;
    private static final int MAX_TEXT = 16 * 1024;

    private SessionRecord() {
    }

    static byte[] encode(Session session) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            TokenSet tokens = session.tokens();
            out.writeByte(VERSION);
            writeText(out, session.clientCode().value());
            writeText(out, tokens.accessToken().value());
            out.writeBoolean(tokens.accessToken().expiresAt().isPresent());
            if (tokens.accessToken().expiresAt().isPresent()) {
                writeInstant(out, tokens.accessToken().expiresAt().get());
            }
            writeText(out, tokens.refreshToken().value());
            writeText(out, tokens.feedToken().value());
            writeInstant(out, session.openedAt());
            writeInstant(out, session.renewedAt());
            writeInstant(out, session.expiresAt());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not one session of this version */
    static Session decode(byte[] plaintext) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext));
        try {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("its session record is in version " + version + "; this version"
                        + " of smartapi-auth reads version " + VERSION);
            }
            ClientCode code = ClientCode.of(readText(in));
            String access = readText(in);
            Instant accessExpiry = in.readBoolean() ? readInstant(in) : null;
            AccessToken accessToken = accessExpiry == null ? AccessToken.withoutExpiry(access)
                    : AccessToken.of(access, accessExpiry);
            TokenSet tokens = new TokenSet(accessToken, RefreshToken.of(readText(in)), FeedToken.of(readText(in)));
            Session session = new Session(code, tokens, readInstant(in), readInstant(in), readInstant(in));
            if (in.available() != 0) {
                throw new IllegalArgumentException("its session record has trailing bytes");
            }
            return session;
        } catch (IOException | DateTimeException e) {
            throw new IllegalArgumentException("its session record is truncated or malformed", e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IllegalArgumentException("its session record has a field of length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IllegalArgumentException("its session record is truncated");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
