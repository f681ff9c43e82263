package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpKeyLoaderTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final String URI = "otpauth://totp/Angel%20One:A1234567?secret=" + SECRET + "&digits=8&algorithm=SHA256";

    @TempDir
    Path dir;

    private final TotpKeyLoader loader = new TotpKeyLoader(Map.of(
            "BARE", "jbsw y3dp ehpk 3pxp\n",
            "URI", URI,
            "EMPTY", "  ",
            "TYPO", "JBSWY3DPEHPK3PX1",
            "SHORT", "GEZDGNBVGY3TQOI=",
            "HOTP", "otpauth://hotp/x?secret=" + SECRET)::get, TotpParameters.smartApi());

    @Test
    void bareSecretFromTheEnvironmentGetsTheDefaultParameters() {
        LoadedTotpKey loaded = loader.fromEnvironment("BARE");
        assertThat(loaded.key().secret().revealBytes()).isEqualTo(Base32Decoder.decode(SECRET));
        assertThat(loaded.key().parameters()).isEqualTo(TotpParameters.smartApi());
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void aKeyUriInTheEnvironmentBringsItsOwnParameters() {
        TotpKey key = loader.fromEnvironment("URI").key();
        assertThat(key.parameters().algorithm()).isEqualTo(TotpAlgorithm.SHA256);
        assertThat(key.parameters().digits()).isEqualTo(8);
        assertThat(key.accountName()).contains("A1234567");
    }

    @Test
    void fromUriAndFromBase32() {
        assertThat(loader.fromUri(URI).key().issuer()).contains("Angel One");
        assertThat(loader.fromBase32(SECRET).key().parameters()).isEqualTo(loader.defaults());
    }

    @Test
    void environmentRejections() {
        assertRejected(() -> loader.fromEnvironment("MISSING"))
                .hasMessage("the environment variable MISSING is not set; set it to the base32 TOTP secret"
                        + " (or the otpauth://totp/ URI) shown when TOTP was enabled for the account");
        assertRejected(() -> loader.fromEnvironment("EMPTY"))
                .hasMessageStartingWith("the environment variable EMPTY is empty; put the base32 TOTP secret");
        assertRejected(() -> loader.fromEnvironment("TYPO"))
                .hasMessageStartingWith("the environment variable TYPO: the base32 secret has a digit base32 never uses")
                .hasMessageContaining("position 16");
        assertRejected(() -> loader.fromEnvironment("SHORT"))
                .hasMessageStartingWith("the environment variable SHORT: the TOTP secret is 72 bits long;"
                        + " expected at least 80 bits");
        assertRejected(() -> loader.fromEnvironment("HOTP"))
                .hasMessageContaining("the environment variable HOTP: the key URI is for HOTP");
    }

    @Test
    void readsAnOwnerOnlyFileWithoutWarnings() throws IOException {
        Path file = secretFile("\uFEFF" + SECRET + "\r\n", "rw-------");
        LoadedTotpKey loaded = loader.fromFile(file);
        assertThat(loaded.key().secret().revealBytes()).isEqualTo(Base32Decoder.decode(SECRET));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void warnsWhenOthersCanReadTheFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path groupReadable = secretFile(URI, "rw-r-----");
        assertThat(loader.fromFile(groupReadable).warnings()).singleElement().asString()
                .contains("can be read by its group;", "chmod 600 " + groupReadable)
                .doesNotContain(SECRET);
        Path worldReadable = secretFile(SECRET, "rw-r--r--");
        assertThat(loader.fromFile(worldReadable).warnings()).singleElement().asString()
                .contains("can be read by its group and all other users");
        Path otherReadable = secretFile(SECRET, "rw----r--");
        assertThat(loader.fromFile(otherReadable).warnings()).singleElement().asString()
                .contains("can be read by all other users");
    }

    @Test
    void fileRejections() throws IOException {
        Path missing = dir.resolve("missing.secret");
        assertRejected(() -> loader.fromFile(missing))
                .hasMessageStartingWith("the TOTP secret file " + missing + " does not exist; create it with")
                .hasMessageEndingWith("or fix the path");
        assertRejected(() -> loader.fromFile(dir)).hasMessageContaining(" is not a regular file;");
        assertRejected(() -> loader.fromFile(secretFile("\n \n", "rw-------"))).hasMessageContaining("is empty");
        assertRejected(() -> loader.fromFile(secretFile("JBSW Y3DP! EHPK 3PXP", "rw-------")))
                .hasMessageContaining("a symbol at position 10");
        Path latin1 = dir.resolve("latin1.secret");
        Files.write(latin1, new byte[] {'J', 'B', (byte) 0xE9});
        assertRejected(() -> loader.fromFile(latin1)).hasMessageContaining("is not UTF-8 text");
        Path huge = dir.resolve("huge.secret");
        Files.write(huge, new byte[(int) TotpKeyLoader.MAX_FILE_BYTES + 1]);
        assertRejected(() -> loader.fromFile(huge)).hasMessageContaining("bytes long; a secret file holds one line");
    }

    private Path secretFile(String content, String permissions) throws IOException {
        Path file = Files.createTempFile(dir, "totp", ".secret");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
        return file;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContainIgnoringCase("JBSW")
                        .doesNotContainIgnoringCase("EHPK")
                        .doesNotContain("GEZDGNBV"));
    }
}
