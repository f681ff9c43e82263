package io.github.smartapiauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding examples compile against the library as it is, and stay short. */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    /** What the examples take as given: the names they use without declaring them. */
    private static final String PREAMBLE = """
            package readme;

            import io.github.smartapiauth.domain.token.AccessTokenProvider;
            import io.github.smartapiauth.application.port.in.ManageAccountsUseCase.OnRemoval;
            import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
            import io.github.smartapiauth.adapter.totp.TotpKey;
            import io.github.smartapiauth.bootstrap.AccountSetup;
            import io.github.smartapiauth.bootstrap.AccountSetup.TotpSource;
            import io.github.smartapiauth.bootstrap.SmartApiAccount;
            import io.github.smartapiauth.bootstrap.SmartApiAuth;
            import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
            import io.github.smartapiauth.domain.credential.Credentials;
            import io.github.smartapiauth.domain.token.AccessToken;
            import java.util.Map;

            class Embedding {
                void examples(SmartApiAuthConfig config, Credentials newTenant, Credentials newMpin, TotpKey totpKey,
                              OneTimePasswordPort yourCodes) throws Exception {
            """;

    @TempDir
    Path classes;

    @Test
    void theEmbeddingExamplesCompileAndFitInSixtyLines() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Embedding"), readme.indexOf("### Several processes"));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(section);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).isNotEmpty();
        assertThat(String.join("", blocks).lines().count()).as("lines of examples").isLessThanOrEqualTo(60);

        String source = PREAMBLE + String.join("\n", blocks) + "\n    }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Embedding.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                        "-proc:none", "-Xlint:none"),
                null, List.of(file)).call();

        assertThat(compiled).as("the README's examples compile:%n%s", diagnostics).isTrue();
    }
}
