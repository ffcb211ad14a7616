package dev.jwtauthorizer.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.jwtauthorizer.log.JsonLog;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Amazon Corretto Crypto Provider (ACCP): RSA, ECDSA and HMAC on AWS-LC, native code that checks
 * an RS256 signature in about 12.5 µs where the JDK's own provider takes 24.5 µs under C2 and
 * about 225 µs at the tier-1 JIT Lambda's java17/java21 runtimes use (docs/PERFORMANCE.md).
 *
 * <p>Installing it unpacks and loads a native library and runs its self-tests, then ours
 * ({@link KnownAnswers}): about 200-300 ms. That is never paid by a waiting request: it happens
 * before the SnapStart snapshot, or on a background thread after the first answer, and until it is
 * done every check runs on the JDK's provider. Then {@link ProviderList} tells every thread to
 * look its {@code Signature} and {@code Mac} up again at its next check. If the library cannot
 * load (another CPU, another OS) or fails a self-test or a known answer, it is removed again and
 * the JDK's provider goes on: slower, never weaker.
 *
 * <p>ACCP is an optional dependency: the function's package holds it, a project that uses this one
 * as a library gets it only by adding it for its own CPU. Without it on the class path the JDK's
 * provider is used and that is said once, at INFO: it is a choice, not a fault. Only {@link Accp}
 * names ACCP's classes, so this class loads and runs whether or not they are there.
 */
public final class CorrettoCrypto {
    /** {@code AmazonCorrettoCryptoProvider.PROVIDER_NAME}, which the compiler would inline anyway. */
    static final String PROVIDER_NAME = "AmazonCorrettoCryptoProvider";
    private static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CorrettoCrypto() {
    }

    /** Installs it now, on this thread, unless that was already started. Never throws. */
    public static void install() {
        if (STARTED.compareAndSet(false, true)) {
            installNow();
        }
    }

    /** Installs it on a daemon thread, unless that was already started. */
    public static void installInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(CorrettoCrypto::installNow, "install-crypto-provider");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True when ACCP heads the provider list, so that it performs every signature check. */
    public static boolean isActive() {
        Provider[] providers = Security.getProviders();
        return providers.length > 0 && providers[0].getName().equals(PROVIDER_NAME);
    }

    /** True when ACCP's classes are on this class's class path; loads nothing native. */
    static boolean isOnClassPath() {
        try {
            Class.forName(PROVIDER_CLASS, false, CorrettoCrypto.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void installNow() {
        if (!isOnClassPath()) {
            JsonLog.info("crypto_provider", "provider", "JDK", "cause", "accp_not_on_class_path");
            return;
        }
        long start = System.nanoTime();
        try {
            Accp.installHealthy();
            // Before checks move to it (ProviderList.changed, below), not by the first request after.
            KnownAnswers.check(Security.getProvider(PROVIDER_NAME));
            JsonLog.info("crypto_provider", "provider", PROVIDER_NAME, "millis", (System.nanoTime() - start) / 1_000_000);
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // LinkageError: the jar is incomplete, or its native library is for another platform.
            Security.removeProvider(PROVIDER_NAME);
            JsonLog.warn("crypto_provider_unavailable", "provider", "JDK", "exception", e.getClass().getName());
        } finally {
            ProviderList.changed();
        }
    }

    /** The only code that names ACCP's classes: resolved on first call, never when ACCP is absent. */
    private static final class Accp {
        static void installHealthy() {
            AmazonCorrettoCryptoProvider.install();
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        }
    }
}
