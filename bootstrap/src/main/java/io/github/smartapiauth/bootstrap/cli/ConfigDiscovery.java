package io.github.smartapiauth.bootstrap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's properties file when none is named: {@code $XDG_CONFIG_HOME/smartapi-auth/config.properties}
 * ({@code ~/.config} when XDG_CONFIG_HOME is unset, as the XDG spec says), then
 * {@code ~/.smartapi-auth/config.properties}; the first that exists. Embedding code reads no file it was
 * not told about.
 */
final class ConfigDiscovery {

    private ConfigDiscovery() {
    }

    static Optional<Path> find(Map<String, String> environment) {
        return candidates(environment).stream().filter(Files::isRegularFile).findFirst();
    }

    static List<Path> candidates(Map<String, String> environment) {
        Path home = Optional.ofNullable(environment.get("HOME")).filter(value -> !value.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
        Path xdg = Optional.ofNullable(environment.get("XDG_CONFIG_HOME")).filter(value -> !value.isBlank())
                .map(Path::of).filter(Path::isAbsolute).orElse(home.resolve(".config"));
        return List.of(xdg.resolve("smartapi-auth").resolve("config.properties"),
                home.resolve(".smartapi-auth").resolve("config.properties"));
    }
}
