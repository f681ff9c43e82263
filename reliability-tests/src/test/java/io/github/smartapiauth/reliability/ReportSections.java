package io.github.smartapiauth.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Each suite writes its section of {@code target/reliability.md} into its own file and prints it
 * to the build output; {@link ReliabilityReportTest}, ordered last, joins them.
 */
final class ReportSections {

    private ReportSections() {
    }

    static Path report() {
        return Path.of(System.getProperty("reliability.report", "target/reliability.md"));
    }

    static Path directory() {
        return report().resolveSibling("reliability-sections");
    }

    /** Writes section {@code order} (sorted by it) and prints it. */
    static void write(int order, String markdown) {
        try {
            Files.createDirectories(directory());
            Files.writeString(directory().resolve(String.format("%02d.md", order)), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(markdown);
    }

    static int fuzzCases() {
        return Integer.getInteger("fuzz.cases", 10_000);
    }
}
