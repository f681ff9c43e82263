package io.github.smartapiauth.bootstrap.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code SMARTAPI_*} environment variables that no setting reads: most often a misspelling
 * ({@code SMARTAPI_CLIENTCODE}), which would otherwise be ignored silently. Each is named with the
 * closest known setting; its value is never shown (it may be a secret).
 */
final class UnknownVariables {

    private static final String PREFIX = "SMARTAPI_";

    /** Read by the CLI and its launcher rather than by a setting. */
    private static final Set<String> OTHERS = Set.of(ConfigSources.CONFIG_FILE_VARIABLE, "SMARTAPI_NEW_VAULT_PASSPHRASE",
            "SMARTAPI_AUTH_JAVA_OPTS", "SMARTAPI_AUTH_CDS");

    private UnknownVariables() {
    }

    static List<String> warningsFor(Collection<String> variables) {
        Set<String> known = new TreeSet<>(OTHERS);
        for (Setting setting : Setting.values()) {
            known.add(setting.variable());
        }
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(variables)) {
            if (!name.toUpperCase(Locale.ROOT).startsWith(PREFIX) || known.contains(name)) {
                continue;
            }
            String closest = closest(name, known);
            warnings.add("the environment variable " + name + " is not a known setting and is ignored"
                    + (closest == null ? "; see the README's configuration table"
                    : "; did you mean " + closest + "?"));
        }
        return warnings;
    }

    /** The known name nearest by edit distance, if it is near enough to be a likely misspelling. */
    private static String closest(String name, Set<String> known) {
        String upper = name.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(upper, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int suffix = Math.max(upper.length(), best == null ? 0 : best.length()) - PREFIX.length();
        return bestDistance <= Math.max(2, suffix / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
