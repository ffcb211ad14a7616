package dev.jwtauthorizer.support;

import dev.jwtauthorizer.extension.AuthorizationCheck;
import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Custom checks for tests, named in JWT_CUSTOM_CHECK by their binary names, as a user names theirs:
 * {@code dev.jwtauthorizer.support.Checks$Scripted}. Each is made by the authorizer, by reflection.
 */
public final class Checks {
    /**
     * What {@link Scripted} does, set by the test that uses it. The authorizer makes the instance,
     * so a test can only reach it through static state; the tests that use it run one at a time.
     */
    private static volatile Function<CheckRequest, CheckResult> script = request -> CheckResult.allow();
    private static final List<CheckRequest> CALLS = new CopyOnWriteArrayList<>();

    private Checks() {
    }

    /** The name JWT_CUSTOM_CHECK gives for a nested check class. */
    public static String name(Class<?> check) {
        return check.getName();
    }

    /** From now on, {@link Scripted} answers with this, and has been called by nothing yet. */
    public static void script(Function<CheckRequest, CheckResult> behaviour) {
        script = behaviour;
        CALLS.clear();
    }

    /** Every request {@link Scripted} was asked about since the last {@link #script}. */
    public static List<CheckRequest> calls() {
        return List.copyOf(CALLS);
    }

    /** Records each request, then answers as the current script says (and throws what it throws). */
    public static class Scripted implements AuthorizationCheck {
        @Override
        public CheckResult check(CheckRequest request) {
            CALLS.add(request);
            return script.apply(request);
        }
    }

    /** A public class with a constructor, but no AuthorizationCheck. */
    public static class NotACheck {
        public CheckResult check(CheckRequest request) {
            return CheckResult.allow();
        }
    }

    public static class NoConstructorWithoutArguments implements AuthorizationCheck {
        public NoConstructorWithoutArguments(String setting) {
        }

        @Override
        public CheckResult check(CheckRequest request) {
            return CheckResult.allow();
        }
    }

    public static class ConstructorThrows implements AuthorizationCheck {
        public static final String MESSAGE = "cannot reach the policy service at https://user:s3cr3t@policy.internal";

        public ConstructorThrows() {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public CheckResult check(CheckRequest request) {
            return CheckResult.allow();
        }
    }

    public static class StaticInitialisationThrows implements AuthorizationCheck {
        static {
            if (Boolean.TRUE) {
                throw new IllegalStateException(ConstructorThrows.MESSAGE);
            }
        }

        @Override
        public CheckResult check(CheckRequest request) {
            return CheckResult.allow();
        }
    }

    public abstract static class Abstract implements AuthorizationCheck {
    }

    static class NotPublic implements AuthorizationCheck {
        @Override
        public CheckResult check(CheckRequest request) {
            return CheckResult.allow();
        }
    }
}
