package dev.jwtauthorizer.config;

/** A setting that is missing or wrong: the variable's name and what is wrong with it. */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(Setting setting, String problem) {
        this(setting.name(), problem);
    }

    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
