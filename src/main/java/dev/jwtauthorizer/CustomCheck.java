package dev.jwtauthorizer;

import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.extension.AuthorizationCheck;
import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import dev.jwtauthorizer.log.JsonLog;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * The user's {@link AuthorizationCheck} named in JWT_CUSTOM_CHECK: loaded and constructed once, at
 * start, where every mistake stops the start naming the setting; then run on the request path,
 * where anything but a result fails closed. What user code throws is logged by its class name
 * only: its message may quote the request.
 */
final class CustomCheck {
    private final AuthorizationCheck check;

    CustomCheck(AuthorizationCheck check) {
        this.check = check;
    }

    /**
     * @param className a class on the function's class path (its own jar, or a layer's java/lib)
     * @throws ConfigException naming JWT_CUSTOM_CHECK and what is wrong
     */
    static CustomCheck load(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, CustomCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw problem(className + " is not on the class path: add the jar that holds it to the function "
                    + "(a layer with java/lib/your-checks.jar, template parameter CustomCheckLayerArn), or to -cp when run locally");
        } catch (LinkageError e) {
            throw problem(className + " cannot be loaded: " + e);
        }
        if (!AuthorizationCheck.class.isAssignableFrom(type)) {
            throw problem(className + " does not implement " + AuthorizationCheck.class.getName());
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw problem(className + " must be a public, concrete (and if nested, static) class");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw problem(className + " has no public constructor without arguments");
        }
        try {
            return new CustomCheck((AuthorizationCheck) constructor.newInstance());
        } catch (InvocationTargetException e) {
            throw problem("the constructor of " + className + " threw " + e.getCause().getClass().getName());
        } catch (ExceptionInInitializerError e) {
            throw problem("the static initialisation of " + className + " threw "
                    + (e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName()));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw problem(className + " cannot be constructed: " + e.getClass().getName());
        }
    }

    private static ConfigException problem(String text) {
        return new ConfigException(Setting.JWT_CUSTOM_CHECK, text);
    }

    /**
     * Runs the check. Never throws for what the check does, the JVM's own failures included: an
     * {@code OutOfMemoryError} passed on would reach the platform with the check's own message,
     * and an error whose message is "Unauthorized" is a 401 to API Gateway, not the 500 a failure is.
     *
     * @return the check's result; null when it failed (an exception, an Error, a null result), logged
     */
    CheckResult run(CheckRequest request) {
        try {
            CheckResult result = check.check(request);
            if (result == null) {
                JsonLog.error("custom_check_failed", "problem", "the check returned null");
            }
            return result;
        } catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failed(e);
        }
    }

    private static CheckResult failed(Throwable e) {
        JsonLog.error("custom_check_failed", "exception", e.getClass().getName());
        return null;
    }
}
