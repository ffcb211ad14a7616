package dev.jwtauthorizer.config;

import java.util.Map;

/** Settings as environment variables, where a blank value means unset (SAM passes every declared one). */
final class EnvironmentFields implements IssuerFields {
    private final Map<String, String> environment;

    EnvironmentFields(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String get(Setting setting) {
        String value = environment.get(setting.name());
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        return setting.defaultValue();
    }

    /** Empty is unset; whitespace alone is not, so that HmacSecret refuses it as blank. */
    @Override
    public String secret() {
        String value = environment.get(Setting.JWT_HMAC_SECRET.name());
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String name(Setting setting) {
        return setting.name();
    }

    @Override
    public String assignment(Setting setting, String value) {
        return setting.name() + "=" + value;
    }

    @Override
    public String origin(Setting setting) {
        return setting.name();
    }

    @Override
    public ConfigException error(Setting setting, String problem) {
        return new ConfigException(setting, problem);
    }

    /** A variable that is neither a setting's nor blank. */
    String raw(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
