package io.github.smartapiauth.adapter.storage;

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
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The plaintext inside a vault: one session in a small, versioned, length-prefixed binary
 * format (layout in {@code docs/vault-format.md}).
 */
final class SessionCodec {

    static final int VERSION = 1;
    static final int MAX_CLIENT_CODE_LENGTH = 64;
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private SessionCodec() {
    }

    /** The session's bytes; the caller wipes them after use. */
    static byte[] encode(Session session) {
        WipeableBytes buffer = new WipeableBytes();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            TokenSet tokens = session.tokens();
            out.writeByte(VERSION);
            byte[] code = session.clientCode().value().getBytes(StandardCharsets.US_ASCII);
            out.writeShort(code.length);
            out.write(code);
            writeToken(out, tokens.accessToken().value());
            if (tokens.accessToken().expiresAt().isPresent()) {
                out.writeByte(1);
                writeInstant(out, tokens.accessToken().expiresAt().get());
            } else {
                out.writeByte(0);
            }
            writeToken(out, tokens.refreshToken().value());
            writeToken(out, tokens.feedToken().value());
            writeInstant(out, session.openedAt());
            writeInstant(out, session.renewedAt());
            writeInstant(out, session.expiresAt());
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            buffer.wipe();
        }
    }

    /**
     * The session in {@code plaintext}, which must hold exactly one.
     *
     * @throws VaultException of kind CONTENT when the bytes are not a session this version can read
     */
    static Session decode(byte[] plaintext) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext));
        try {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new VaultException(VaultException.Kind.UNSUPPORTED, "its session record is in format version "
                        + version + ", and this version of smartapi-auth reads only version " + VERSION);
            }
            ClientCode code = ClientCode.of(readText(in, in.readUnsignedShort(), MAX_CLIENT_CODE_LENGTH, "client code"));
            String access = readText(in, in.readInt(), MAX_TOKEN_LENGTH, "access token");
            int hasExpiry = in.readUnsignedByte();
            if (hasExpiry > 1) {
                throw content("the access token's expiry flag is " + hasExpiry + "; expected 0 or 1");
            }
            AccessToken accessToken = hasExpiry == 1 ? AccessToken.of(access, readInstant(in))
                    : AccessToken.withoutExpiry(access);
            RefreshToken refresh = RefreshToken.of(readText(in, in.readInt(), MAX_TOKEN_LENGTH, "refresh token"));
            FeedToken feed = FeedToken.of(readText(in, in.readInt(), MAX_TOKEN_LENGTH, "feed token"));
            Instant openedAt = readInstant(in);
            Instant renewedAt = readInstant(in);
            Instant expiresAt = readInstant(in);
            if (in.available() != 0) {
                throw content("it has " + in.available() + " bytes after the session record");
            }
            return new Session(code, new TokenSet(accessToken, refresh, feed), openedAt, renewedAt, expiresAt);
        } catch (EOFException e) {
            throw content("its session record ends early");
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw content("its session record holds a value the domain refuses (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void writeToken(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static String readText(DataInputStream in, int length, int max, String what) throws IOException {
        if (length < 1 || length > max) {
            throw content("the " + what + "'s length field says " + Integer.toUnsignedString(length)
                    + " bytes; expected 1 to " + max);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        try {
            for (byte b : bytes) {
                if (b < 0) {
                    throw content("the " + what + " is not ASCII");
                }
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        if (nanos < 0 || nanos > 999_999_999) {
            throw content("an instant has " + nanos + " nanoseconds; expected 0 to 999999999");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static VaultException content(String message) {
        return new VaultException(VaultException.Kind.CONTENT, message
                + " (written by an incompatible version, or damaged before it was encrypted)");
    }

    /** A byte buffer whose internal array can be zeroed. */
    private static final class WipeableBytes extends ByteArrayOutputStream {
        void wipe() {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
