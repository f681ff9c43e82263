package io.github.smartapiauth.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table stays true to the settings the code reads. */
class ReadmeTest {

    @Test
    void theReadmeDocumentsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);

        for (Setting setting : Setting.values()) {
            assertThat(readme).as(setting.variable()).contains("`" + setting.variable() + "`");
        }
    }
}
