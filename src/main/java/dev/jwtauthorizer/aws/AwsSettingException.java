package dev.jwtauthorizer.aws;

/**
 * An AWS environment variable that is missing or wrong, known before anything is sent: the
 * variable's name and what to do. The configuration reader turns it into its own ConfigException.
 */
public final class AwsSettingException extends IllegalArgumentException {
    private final String variable;
    private final String problem;

    public AwsSettingException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
        this.problem = problem;
    }

    public String variable() {
        return variable;
    }

    /** The message without the variable's name. */
    public String problem() {
        return problem;
    }
}
