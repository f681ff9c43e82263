package io.github.smartapiauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
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

/**
 * The README's "Reusing the architecture rules" example is a complete JUnit 5 test class that compiles
 * against this library as it is; its description is under 15 lines and is exactly the sample platform's
 * description that {@link SamplePlatformRulesTest} tests against planted violations.
 */
class ReadmeArchitectureExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path classes;

    @Test
    void theExampleCompilesItsDescriptionIsTheSamplePlatformsAndFitsInFifteenLines() throws Exception {
        String example = exampleOfTheSection();
        String description = example.substring(example.indexOf("Hexagon.basePackage("));
        description = description.substring(0, description.indexOf(";") + 1);
        assertThat(description.lines().count()).as("lines of the description").isLessThan(15);

        compile(example);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass("TradingArchitectureTest");
            Field field = test.getDeclaredField("TRADING");
            field.setAccessible(true);
            assertThat(field.get(null)).isEqualTo(SamplePlatformRulesTest.PLATFORM);
            assertThat(test.getDeclaredMethod("theCodeFollowsTheHexagon")
                    .isAnnotationPresent(org.junit.jupiter.api.TestFactory.class)).isTrue();
        }
    }

    private static String exampleOfTheSection() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "README.md"),
                StandardCharsets.UTF_8);
        int start = readme.indexOf("## Reusing the architecture rules");
        assertThat(start).as("the README's section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).as("java blocks of the section").hasSize(1);
        return blocks.get(0);
    }

    private void compile(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///TradingArchitectureTest.java"),
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
