package dev.jwtauthorizer.log;

/**
 * The invocation the current thread is answering, so that every line written on its behalf (the
 * decision, and a key fetch or a skipped key it caused) carries the invocation's keys. Lines of
 * other threads (background key refreshes) and of the start carry none.
 */
public final class CurrentInvocation {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private CurrentInvocation() {
    }

    /** @return the invocation it replaces, for {@link #leave} */
    public static Invocation enter(Invocation invocation) {
        Invocation previous = CURRENT.get();
        CURRENT.set(invocation);
        return previous;
    }

    public static void leave(Invocation previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Null outside an invocation. */
    public static Invocation get() {
        return CURRENT.get();
    }
}
