package io.github.smartapiauth.bootstrap.config;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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

    /** The settings an account block of the properties file may hold; the block's name is the client code. */
    static final java.util.Set<Setting> PER_ACCOUNT = java.util.EnumSet.of(Setting.API_KEY, Setting.PIN,
            Setting.TOTP_SECRET, Setting.TOTP_URI, Setting.TOTP_FILE);

    private static final java.util.Set<Setting> TOTP_SOURCES = java.util.EnumSet.of(Setting.TOTP_SECRET,
            Setting.TOTP_URI, Setting.TOTP_FILE);

    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);
    private final List<String> warnings = new ArrayList<>();
    /** Account blocks of the properties file ({@code A1234567.SMARTAPI_PIN=...}), by client code, in file order. */
    private final Map<String, Map<Setting, Value>> accountBlocks = new java.util.LinkedHashMap<>();

    /** The user's home directory, for {@code ~} in paths: {@code HOME} when set, else the JVM's {@code user.home}. */
    private Path home = Path.of(System.getProperty("user.home"));

    private ConfigSources() {
    }

    /** The user's home, for {@code ~}: {@code HOME} from the environment, as shells read it, else {@code user.home}. */
    public Path home() {
        return home;
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
        sources.home = Optional.ofNullable(environment.get("HOME")).filter(home -> !home.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
        UnknownVariables.warningsFor(environment.keySet()).forEach(sources.warnings::add);
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

    /**
     * One source per account block of the properties file: the block's settings over the shared
     * ones (from any source), and the block's name as the client code. Empty when the file has no
     * blocks (one account).
     */
    public List<ConfigSources> accountBlocks() {
        List<ConfigSources> blocks = new ArrayList<>();
        accountBlocks.forEach((clientCode, own) -> {
            ConfigSources block = new ConfigSources();
            block.home = home;
            block.values.putAll(values);
            if (own.keySet().stream().anyMatch(TOTP_SOURCES::contains)) {
                // A block's own TOTP source replaces a shared one of any kind.
                TOTP_SOURCES.forEach(block.values::remove);
            }
            block.values.putAll(own);
            block.values.put(Setting.CLIENT_CODE, new Value(clientCode, "the account block " + clientCode
                    + " of the configuration file", Value.FILE));
            blocks.add(block);
        });
        return blocks;
    }

    /** Things worth telling the user about the sources, e.g. a properties file with secrets that others can read. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Reads a Java properties file one logical line at a time (each parsed by {@link Properties}, so
     * escapes and continuations mean what they always meant), to name the line of a problem. An
     * unknown key is reported by its line number only: a line holding just a value (a pasted
     * secret) parses as a key, and its text must not reach an error message.
     */
    private void addFile(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("the configuration file " + path + " does not exist; fix " + CONFIG_FILE_VARIABLE
                    + " or --config");
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read the configuration file " + path + " ("
                    + e.getClass().getSimpleName() + "); expected a UTF-8 Java properties file with SMARTAPI_* keys");
        }
        boolean holdsSecret = false;
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            StringBuilder logical = new StringBuilder(lines.get(index));
            while (continues(lines.get(index)) && index + 1 < lines.size()) {
                logical.append('\n').append(lines.get(++index));
            }
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException("the configuration file " + path + " has a malformed line " + lineNumber
                        + " (its text is not shown, as it may hold a secret); expected KEY=VALUE with keys like"
                        + " SMARTAPI_CLIENT_CODE");
            }
            for (String key : properties.stringPropertyNames()) {
                int dot = key.indexOf('.');
                String block = dot > 0 ? key.substring(0, dot) : null;
                Setting setting = settingNamed(dot > 0 ? key.substring(dot + 1) : key, path, lineNumber);
                if (block != null && !PER_ACCOUNT.contains(setting)) {
                    throw new ConfigurationException("the configuration file " + path + " sets " + setting.variable()
                            + " for one account on line " + lineNumber + "; an account block may hold only "
                            + PER_ACCOUNT.stream().map(Setting::variable).toList() + " (the others apply to every account)");
                }
                String value = properties.getProperty(key);
                if (!value.isBlank()) {
                    Value read = new Value(value.trim(), (block == null ? "" : block + ".") + setting.variable() + " in "
                            + path, Value.FILE);
                    if (block == null) {
                        values.put(setting, read);
                    } else {
                        accountBlocks.computeIfAbsent(block, any -> new EnumMap<>(Setting.class)).put(setting, read);
                    }
                    holdsSecret |= setting.isSecret();
                }
            }
        }
        if (holdsSecret) {
            SecretFiles.warningFor(path, "the configuration file").ifPresent(warnings::add);
        }
    }

    /** A line whose end is an odd number of backslashes continues on the next (as {@link Properties} reads it). */
    private static boolean continues(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return false;
        }
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Setting settingNamed(String key, Path path, int lineNumber) {
        for (Setting setting : Setting.values()) {
            if (setting.variable().equals(key)) {
                return setting;
            }
        }
        throw new ConfigurationException("the configuration file " + path + " has an unknown key on line " + lineNumber
                + " (its text is not shown, as it may hold a secret); expected KEY=VALUE lines with keys like"
                + " SMARTAPI_CLIENT_CODE (see the README's configuration table)");
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
