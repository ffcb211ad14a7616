package dev.jwtauthorizer.config;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where one issuer's settings are read from: the environment, or one entry of JWT_ISSUERS. Both
 * are read by the same code, so an entry means exactly what the variables mean; only how a mistake
 * is reported differs (JWT_ISSUER, or entry 2's "issuer").
 */
interface IssuerFields {
    /** The trimmed value, or the setting's default, or null when neither is there. */
    String get(Setting setting);

    /** The inline HMAC secret exactly as given, never trimmed; null when not given. */
    String secret();

    /** How the user writes the setting here: JWT_ISSUER, or "issuer". */
    String name(Setting setting);

    /** How the user gives the setting this value here: JWT_X=value, or "x": "value". */
    String assignment(Setting setting, String value);

    /** Where an inline value came from, for logs: "JWT_HMAC_SECRET", "JWT_ISSUERS entry 2 hmacSecret". */
    String origin(Setting setting);

    ConfigException error(Setting setting, String problem);

    /** A comma-separated list, trimmed; empty when not set. */
    default Set<String> list(Setting setting) {
        String value = get(setting);
        Set<String> values = new LinkedHashSet<>();
        if (value == null) {
            return values;
        }
        for (String item : value.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw error(setting, "has an empty item in \"" + value + "\"");
            }
            values.add(trimmed);
        }
        return values;
    }

    default Set<String> requiredList(Setting setting) {
        Set<String> values = list(setting);
        if (values.isEmpty()) {
            throw error(setting, "is required and not set");
        }
        return values;
    }
}
