package io.github.smartapiauth.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the release, the commit it was built from, and the Java running it. The commit
 * is written into {@code smartapi-auth-build.properties} when the jar is built (from git; "unknown"
 * when built outside a git checkout).
 */
final class VersionInfo implements CommandLine.IVersionProvider {

    static final String RESOURCE = "/smartapi-auth-build.properties";

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException unreadable) {
            // the version line says unknown
        }
        return new String[] {
                "smartapi-auth " + known(build.getProperty("version")) + " (commit " + known(build.getProperty("commit"))
                        + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
    }

    /** A property Maven did not fill in (built without git, or from an IDE) is unknown. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
