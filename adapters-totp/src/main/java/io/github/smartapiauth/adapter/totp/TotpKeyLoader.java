package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a TOTP key from an environment variable, a file or a key URI. A variable or file may
 * hold either the base32 secret (codes then use {@link #defaults()}, SmartAPI's setting unless
 * chosen otherwise) or a whole {@code otpauth://totp/} URI. Problems are
 * {@link ConfigurationException}s that never contain the secret; advice such as "the file is
 * readable by other users" comes back in {@link LoadedTotpKey#warnings()}.
 *
 * <pre>{@code
 * LoadedTotpKey loaded = TotpKeyLoader.systemEnvironment().fromFile(Path.of("/etc/smartapi/totp.secret"));
 * loaded.warnings().forEach(log::warn);
 * }</pre>
 */
public final class TotpKeyLoader {

    /** A secret file holds one line; anything far larger is the wrong file. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private static final String WHAT_TO_PUT = "the base32 TOTP secret (or the otpauth://totp/ URI) shown when TOTP"
            + " was enabled for the account";

    private final Function<String, String> environment;
    private final TotpParameters defaults;

    /**
     * @param environment looks up a variable, {@code null} when unset (e.g. {@code System::getenv}
     *     or a map's {@code get} in tests)
     * @param defaults the parameters for a bare base32 secret
     */
    public TotpKeyLoader(Function<String, String> environment, TotpParameters defaults) {
        this.environment = Objects.requireNonNull(environment, "environment is required");
        this.defaults = Objects.requireNonNull(defaults, "defaults are required");
    }

    /** Reads the process environment; bare secrets get SmartAPI's parameters. */
    public static TotpKeyLoader systemEnvironment() {
        return new TotpKeyLoader(System::getenv, TotpParameters.smartApi());
    }

    public TotpParameters defaults() {
        return defaults;
    }

    public LoadedTotpKey fromEnvironment(String variable) {
        Objects.requireNonNull(variable, "variable is required");
        String value = environment.apply(variable);
        String source = "the environment variable " + variable;
        if (value == null) {
            throw new ConfigurationException(source + " is not set; set it to " + WHAT_TO_PUT);
        }
        return new LoadedTotpKey(parse(value, source), List.of());
    }

    public LoadedTotpKey fromFile(Path file) {
        Objects.requireNonNull(file, "file is required");
        String source = "the TOTP secret file " + file;
        List<String> warnings = new ArrayList<>();
        warnIfOthersCanRead(file, source, warnings);
        char[] text = readText(file, source);
        try {
            return new LoadedTotpKey(parse(CharBuffer.wrap(text), source), warnings);
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    public LoadedTotpKey fromUri(CharSequence uri) {
        return new LoadedTotpKey(KeyUriImporter.importKey(uri), List.of());
    }

    /** A bare base32 secret with {@link #defaults()}. */
    public LoadedTotpKey fromBase32(CharSequence base32) {
        return new LoadedTotpKey(parse(base32, "the base32 TOTP secret"), List.of());
    }

    private TotpKey parse(CharSequence text, String source) {
        CharSequence trimmed = trim(text);
        if (trimmed.length() == 0) {
            throw new ConfigurationException(source + " is empty; put " + WHAT_TO_PUT + " in it");
        }
        try {
            if (startsWithIgnoreCase(trimmed, "otpauth:")) {
                return KeyUriImporter.importKey(trimmed);
            }
            byte[] key = Base32Decoder.decode(trimmed);
            try {
                return new TotpKey(KeyUriImporter.checkedSecret(key, "the TOTP secret", "check that the whole key was copied"),
                        defaults, Optional.empty(), Optional.empty());
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (ConfigurationException e) {
            throw new ConfigurationException(source + ": " + e.getMessage(), null, e);
        }
    }

    private static void warnIfOthersCanRead(Path file, String source, List<String> warnings) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (e.g. Windows), or unreadable: readText reports the latter.
            return;
        }
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        if (group || others) {
            warnings.add(source + " can be read by " + (group && others ? "its group and all other users"
                    : group ? "its group" : "all other users")
                    + "; make it readable by its owner only: chmod 600 " + file);
        }
    }

    private static char[] readText(Path file, String source) {
        byte[] bytes = null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException(source + (Files.exists(file) ? " is not a regular file"
                        : " does not exist") + "; create it with " + WHAT_TO_PUT + ", or fix the path");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigurationException(source + " is " + size + " bytes long; a secret file holds one line"
                        + " with " + WHAT_TO_PUT + ": check the path");
            }
            bytes = Files.readAllBytes(file);
            return utf8(bytes, source);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(source + " does not exist; create it with " + WHAT_TO_PUT
                    + ", or fix the path", null, e);
        } catch (AccessDeniedException e) {
            throw new ConfigurationException(source + " cannot be read by this process (permission denied);"
                    + " run as the file's owner or fix its permissions (chmod 600, owned by this user)", null, e);
        } catch (IOException e) {
            throw new ConfigurationException(source + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check the path and the disk", null, e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private static char[] utf8(byte[] bytes, String source) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(source + " is not UTF-8 text; save " + WHAT_TO_PUT + " as plain text");
        }
        char[] text = new char[chars.remaining()];
        chars.get(text);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return text;
    }

    private static CharSequence trim(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return CharBuffer.wrap(text, start, end);
    }

    private static boolean startsWithIgnoreCase(CharSequence text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
