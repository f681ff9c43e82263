package io.github.smartapiauth.bootstrap.config;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Collects settings from their sources, highest precedence first: CLI flags, then environment
 * variables, then the properties file (named by {@code --config} or {@code SMARTAPI_CONFIG}),
 * then defaults. Remembers where each value came from, for error messages.
 */
public final class ConfigSources {

    public static final String CONFIG_FILE_VARIABLE = "SMARTAPI_CONFIG";

    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);

    private ConfigSources() {
    }

    /** The process environment and, if it names one, the properties file. */
    public static ConfigSources fromEnvironment() {
        return of(Map.of(), System.getenv(), Optional.empty());
    }

    /**
     * @param flags values given as CLI flags, by setting
     * @param environment the environment variables
     * @param file a properties file; when empty, {@code SMARTAPI_CONFIG} may name one
     */
    public static ConfigSources of(Map<Setting, String> flags, Map<String, String> environment, Optional<Path> file) {
        ConfigSources sources = new ConfigSources();
        Optional<Path> properties = file.or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_VARIABLE))
                .filter(name -> !name.isBlank()).map(Path::of));
        properties.ifPresent(path -> sources.addFile(path));
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.variable());
            if (value != null && !value.isBlank()) {
                sources.values.put(setting, new Value(value.trim(), "the environment variable " + setting.variable(),
                        Value.ENVIRONMENT));
            }
        }
        flags.forEach((setting, value) -> {
            if (value != null && !value.isBlank()) {
                sources.values.put(setting, new Value(value.trim(), "the flag " + setting.flag(), Value.FLAG));
            }
        });
        return sources;
    }

    /** The value and where it came from; the default when no source set it. */
    public Optional<Value> get(Setting setting) {
        Value value = values.get(setting);
        if (value != null) {
            return Optional.of(value);
        }
        return setting.defaultValue().isEmpty() ? Optional.empty()
                : Optional.of(new Value(setting.defaultValue(), "the default of " + setting.variable(), Value.DEFAULT));
    }

    public boolean isSet(Setting setting) {
        return values.containsKey(setting);
    }

    private void addFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("the configuration file " + path + " does not exist; fix " + CONFIG_FILE_VARIABLE
                    + " or --config");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot read the configuration file " + path + " ("
                    + e.getClass().getSimpleName() + "); expected a Java properties file with SMARTAPI_* keys");
        }
        for (String key : properties.stringPropertyNames()) {
            Setting setting = settingNamed(key, path);
            String value = properties.getProperty(key);
            if (!value.isBlank()) {
                values.put(setting, new Value(value.trim(), setting.variable() + " in " + path, Value.FILE));
            }
        }
    }

    private static Setting settingNamed(String key, Path path) {
        for (Setting setting : Setting.values()) {
            if (setting.variable().equals(key)) {
                return setting;
            }
        }
        throw new ConfigurationException("the configuration file " + path + " has an unknown key " + key
                + "; expected keys like SMARTAPI_CLIENT_CODE (see the README's configuration table)");
    }

    /**
     * A setting's text and where it came from.
     *
     * @param precedence higher wins: {@link #FLAG} over {@link #ENVIRONMENT} over {@link #FILE} over {@link #DEFAULT}
     */
    public record Value(String text, String source, int precedence) {

        public static final int DEFAULT = 0;
        public static final int FILE = 1;
        public static final int ENVIRONMENT = 2;
        public static final int FLAG = 3;

        @Override
        public String toString() {
            return "Value[from " + source + "]";
        }
    }
}
