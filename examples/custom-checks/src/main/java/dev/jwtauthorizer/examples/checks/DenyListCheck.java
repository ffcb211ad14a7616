package dev.jwtauthorizer.examples.checks;

import dev.jwtauthorizer.extension.AuthorizationCheck;
import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import dev.jwtauthorizer.extension.CredentialKind;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rejects (401) the subjects listed in the environment variable DENIED_SUBJECTS, comma-separated:
 * a JWT's {@code sub} claim, or an API key's principal. Everyone else passes as the authorizer
 * decided. The list is read once, when the function starts; change it with a new deployment.
 */
public class DenyListCheck implements AuthorizationCheck {
    private final Set<String> denied;

    /** What the function calls: the list from DENIED_SUBJECTS. */
    public DenyListCheck() {
        this(System.getenv("DENIED_SUBJECTS"));
    }

    /** @param deniedSubjects comma-separated subjects; null or blank denies no one */
    public DenyListCheck(String deniedSubjects) {
        this.denied = deniedSubjects == null ? Set.of() : Arrays.stream(deniedSubjects.split(","))
                .map(String::trim)
                .filter(subject -> !subject.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public CheckResult check(CheckRequest request) {
        Object subject = request.credential() == CredentialKind.JWT ? request.claims().get("sub") : request.principalId();
        if (subject instanceof String name && denied.contains(name)) {
            return CheckResult.reject("denied_subject");
        }
        return CheckResult.allow();
    }
}
