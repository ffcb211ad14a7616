package dev.jwtauthorizer.config;

/** A setting that is missing or wrong: the variable's name and what is wrong with it. */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(Setting setting, String problem) {
        this(setting.name(), problem);
    }

    /** "VARIABLE: problem". */
    public ConfigException(String variable, String problem) {
        this(variable, problem, false);
    }

    private ConfigException(String variable, String text, boolean sentence) {
        super(sentence ? text : variable + ": " + text);
        this.variable = variable;
    }

    /** A message written as a sentence that names the variable itself: "JWT_RULE is not a setting; ...". */
    public static ConfigException sentence(String variable, String message) {
        if (!message.contains(variable)) {
            throw new IllegalArgumentException("the message must name " + variable);
        }
        return new ConfigException(variable, message, true);
    }

    public String variable() {
        return variable;
    }
}
