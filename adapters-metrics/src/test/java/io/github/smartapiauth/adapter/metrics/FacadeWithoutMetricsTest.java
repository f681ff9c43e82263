package io.github.smartapiauth.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without the metrics builder call (or module) the library loads no Micrometer class: the whole
 * day runs in a class loader that refuses {@code io.micrometer} and records every attempt. The
 * control proves the loader bites: the same day with meters fails there.
 */
@Timeout(60)
class FacadeWithoutMetricsTest {

    @Test
    void aDayWithoutMetersRunsWhereEveryMicrometerClassIsRefused() throws Exception {
        try (RefusingMicrometer loader = new RefusingMicrometer()) {
            Runnable day = (Runnable) loader.loadClass(NoMetricsLife.class.getName()).getConstructor().newInstance();

            day.run();

            assertThat(loader.refused).as("Micrometer classes asked for").isEmpty();
        }
    }

    @Test
    void theControlTheSameDayWithMetersCannotRunThere() throws Exception {
        try (RefusingMicrometer loader = new RefusingMicrometer()) {
            assertThatThrownBy(() -> ((Runnable) loader.loadClass(MeteredLife.class.getName()).getConstructor()
                    .newInstance()).run()).isInstanceOf(NoClassDefFoundError.class);
            assertThat(loader.refused).isNotEmpty();
        }
    }

    /** This test's class path, without a parent that knows it, refusing io.micrometer.. */
    private static final class RefusingMicrometer extends URLClassLoader {

        final Set<String> refused = ConcurrentHashMap.newKeySet();

        RefusingMicrometer() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                refused.add(name);
                throw new ClassNotFoundException(name + " is refused in this test");
            }
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
            return urls.toArray(URL[]::new);
        }
    }
}
