package dev.jwtauthorizer.config;

import dev.jwtauthorizer.apikeys.ApiKeyList;
import dev.jwtauthorizer.keys.InlineKeySource;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.request.TokenSources;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the API key settings: at most one of JWT_API_KEYS, JWT_API_KEYS_FILE and
 * JWT_API_KEYS_SECRET_ID, and JWT_API_KEY_SOURCES. An inline or file list is checked now, so that a
 * mistake (a plaintext key above all) stops the start; a secret is checked when it arrives.
 */
final class ApiKeysReader {
    private static final List<Setting> KEY_LISTS = List.of(Setting.JWT_API_KEYS, Setting.JWT_API_KEYS_FILE,
            Setting.JWT_API_KEYS_SECRET_ID);

    private final Map<String, String> environment;
    private final EnvironmentFields variables;
    private final ConfigFiles files;
    private final Duration timeout;

    ApiKeysReader(Map<String, String> environment, EnvironmentFields variables, ConfigFiles files, Duration timeout) {
        this.environment = environment;
        this.variables = variables;
        this.files = files;
        this.timeout = timeout;
    }

    /** The API key configuration, or null when none of the three settings is given. */
    ApiKeysConfig read() {
        List<Setting> given = new ArrayList<>();
        for (Setting setting : KEY_LISTS) {
            if (variables.raw(setting.name()) != null) {
                given.add(setting);
            }
        }
        if (given.size() > 1) {
            throw new ConfigException(given.get(1), "and " + given.get(0).name() + " are both set; give the API key "
                    + "list once: JWT_API_KEYS_SECRET_ID in AWS, JWT_API_KEYS or JWT_API_KEYS_FILE for local use");
        }
        if (given.isEmpty()) {
            return null;
        }
        Setting setting = given.get(0);
        String value = variables.get(setting);
        KeySource keyList = switch (setting) {
            case JWT_API_KEYS -> checked(setting, new InlineKeySource(value, setting.name()));
            case JWT_API_KEYS_FILE -> checked(setting, new InlineKeySource(files.read(setting, value),
                    setting.name() + " " + value));
            default -> SecretSources.forSecret(value, null, setting, environment, timeout);
        };
        return new ApiKeysConfig(keyList, setting, sources());
    }

    /** A list given in configuration that does not parse is a mistake to find now, not at the first request. */
    private static KeySource checked(Setting setting, KeySource source) {
        try {
            ApiKeyList.parse(source.fetch());
        } catch (IOException e) {
            throw new ConfigException(setting, "cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, e.getMessage());
        }
        return source;
    }

    private TokenSources sources() {
        try {
            return TokenSources.parse(variables.get(Setting.JWT_API_KEY_SOURCES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Setting.JWT_API_KEY_SOURCES, e.getMessage());
        }
    }
}
