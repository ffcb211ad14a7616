package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.crypto.ProviderList;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.VerifyOnlySignature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A thread's kept engines move to a provider the authorizer has just put first at that thread's
 * next check, not a second later: in a fresh process the fast provider arrives while tokens are
 * being checked on the JDK's, at ten times the cost each.
 */
class ProviderSwitchTest {
    private static final byte[] INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger SPY_CHECKS = new AtomicInteger();

    @Test
    void checksMoveToANewlyInstalledProviderAtTheNextCheck() throws Exception {
        VerificationKey key = new VerificationKey("rsa", KeyFamily.RSA, null, null, null, null, TestKeys.RSA.getPublic());
        byte[] signature = rs256();
        Provider spy = new SpyProvider();
        // A fresh thread: its engines are looked up now, from the list as it is.
        FutureTask<Void> checks = new FutureTask<>(() -> {
            assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, signature));
            Security.insertProviderAt(spy, 1);
            try {
                ProviderList.changed();
                assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, signature));
                assertEquals(1, SPY_CHECKS.get(), "the check after the change ran on the new first provider");
            } finally {
                Security.removeProvider(spy.getName());
                ProviderList.changed();
            }
            assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, signature));
            assertEquals(1, SPY_CHECKS.get(), "and moved off it as soon as it was removed");
            return null;
        });
        Thread thread = new Thread(checks);
        thread.start();
        checks.get();
    }

    private static byte[] rs256() throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        signer.initSign(TestKeys.RSA.getPrivate());
        signer.update(INPUT);
        return signer.sign();
    }

    /** Offers SHA256withRSA only, counting the checks it makes. */
    private static final class SpyProvider extends Provider {
        SpyProvider() {
            super("ProviderSwitchTestSpy", "1", "counts RS256 checks, then hands them to SunRsaSign");
            putService(new Service(this, "Signature", "SHA256withRSA", CountingRsa.class.getName(), null, null));
        }
    }

    /** Public with a public constructor: the JCA makes it by reflection. */
    public static final class CountingRsa extends VerifyOnlySignature {
        private final Signature jdk;

        public CountingRsa() throws GeneralSecurityException {
            jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            jdk.initVerify(publicKey);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            jdk.update(b);
        }

        @Override
        protected void engineUpdate(byte[] bytes, int offset, int length) throws SignatureException {
            jdk.update(bytes, offset, length);
        }

        @Override
        protected boolean engineVerify(byte[] signature) throws SignatureException {
            SPY_CHECKS.incrementAndGet();
            return jdk.verify(signature);
        }
    }
}
