package io.github.smartapiauth.adapter.metrics;

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

/** The README's "Operating it" example compiles against the library as it is. */
class OperatingItReadmeTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static final String PREAMBLE = """
            package readme;

            import com.sun.net.httpserver.HttpServer;
            import io.github.smartapiauth.adapter.metrics.MicrometerMetrics;
            import io.github.smartapiauth.bootstrap.SmartApiAuth;
            import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
            import io.github.smartapiauth.domain.health.AccountHealth;
            import io.micrometer.core.instrument.MeterRegistry;
            import java.io.OutputStream;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.util.List;

            class Operating {
                void examples(SmartApiAuthConfig config, MeterRegistry registry) throws Exception {
            """;

    @TempDir
    Path classes;

    @Test
    void theOperatingItExampleCompiles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Operating it"),
                readme.indexOf("## Testing your platform offline"));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(section);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).hasSize(1);

        String source = PREAMBLE + blocks.get(0) + "\n    }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Operating.java"),
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

        assertThat(compiled).as("the README's example compiles:%n%s", diagnostics).isTrue();
    }
}
