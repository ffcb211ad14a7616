package dev.jwtauthorizer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a JWT_* variable that is not a {@link Setting}. A misspelt setting is otherwise ignored
 * in silence, and some mean a wide-open door: without JWT_RULES (spelt JWT_RULE) every valid token
 * may call every route. Blank ones too: SAM passes every declared variable, and a blank misspelt
 * one is still a typo in the template. The message suggests the setting that was probably meant.
 */
final class UnknownVariables {
    private static final String PREFIX = "JWT_";

    private UnknownVariables() {
    }

    static void check(Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>();
        for (String name : environment.keySet()) {
            if (name.toUpperCase(Locale.ROOT).startsWith(PREFIX) && !isSetting(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String first = unknown.iterator().next();
        List<String> suggestions = suggestions(first);
        String message = first + " is not a setting; " + (suggestions.isEmpty()
                ? "remove it (the settings are listed in the README's configuration table)"
                : "did you mean " + or(suggestions) + "?");
        if (unknown.size() > 1) {
            unknown.remove(first);
            message += " (also not settings: " + String.join(", ", unknown) + ")";
        }
        throw ConfigException.sentence(first, message);
    }

    /** The settings the name was probably meant to be, closest first; empty when none is close. */
    static List<String> suggestions(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (isSetting(upper)) {
            return List.of(upper);
        }
        List<String> matches = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (singular(setting.name()).equals(singular(upper))) {
                matches.add(setting.name());
            }
        }
        if (!matches.isEmpty()) {
            return matches;
        }
        String body = body(upper);
        int closest = Math.min(body.length() <= 4 ? 1 : body.length() <= 10 ? 2 : 3, body.length() / 2);
        for (Setting setting : Setting.values()) {
            int distance = distance(body, body(setting.name()));
            if (distance < closest) {
                closest = distance;
                matches.clear();
            }
            if (distance == closest) {
                matches.add(setting.name());
            }
        }
        if (!matches.isEmpty()) {
            return matches;
        }
        // Part of a name: JWT_ALG, JWT_SECRET, JWT_USER_POOL_ID.
        for (Setting setting : Setting.values()) {
            String known = body(setting.name());
            if (body.length() >= 3 && (known.startsWith(body) || known.endsWith("_" + body))) {
                matches.add(setting.name());
            }
        }
        return matches;
    }

    private static boolean isSetting(String name) {
        for (Setting setting : Setting.values()) {
            if (setting.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String body(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    /** Each word without a plural S: JWT_ISSUER_FILE and JWT_ISSUERS_FILE read the same. */
    private static String singular(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("_", -1)) {
            out.append(word.length() > 2 && word.endsWith("S") ? word.substring(0, word.length() - 1) : word).append('_');
        }
        return out.toString();
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one name to the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String or(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
