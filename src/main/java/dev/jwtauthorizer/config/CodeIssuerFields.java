package dev.jwtauthorizer.config;

import java.util.Map;

/**
 * One issuer's settings given in code, by the library's verifier builders, rather than by variables:
 * read by the same {@link IssuerReader}, so a value means what the variable means and is checked
 * alike. Only messages differ: they name the builder method ("jwksUri(...)") instead of the variable.
 */
final class CodeIssuerFields implements IssuerFields {
    private final Map<Setting, String> values;
    private final String secret;
    private final Map<Setting, String> names;

    /**
     * @param values lists joined with commas, as a variable holds them
     * @param names  how the user gives each setting in code, for messages
     */
    CodeIssuerFields(Map<Setting, String> values, String secret, Map<Setting, String> names) {
        this.values = Map.copyOf(values);
        this.secret = secret;
        this.names = Map.copyOf(names);
    }

    @Override
    public String get(Setting setting) {
        String value = values.get(setting);
        return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
    }

    @Override
    public String secret() {
        return secret;
    }

    @Override
    public String name(Setting setting) {
        return names.getOrDefault(setting, setting.issuerField() == null ? setting.name() : setting.issuerField() + "(...)");
    }

    @Override
    public String assignment(Setting setting, String value) {
        String name = name(setting);
        return name.endsWith("(...)") ? name.substring(0, name.length() - "...)".length()) + "\"" + value + "\")" : name + " " + value;
    }

    @Override
    public String origin(Setting setting) {
        return name(setting);
    }

    @Override
    public ConfigException error(Setting setting, String problem) {
        // Problems read on from the name, as in an entry of JWT_ISSUERS: "jwks(...) and jwksUri(...) are both set".
        return ConfigException.sentence(name(setting), name(setting) + " " + problem);
    }
}
