package dev.jwtauthorizer.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.jwtauthorizer.support.VerifyOnlySignature;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import org.junit.jupiter.api.Test;

/** A provider is asked for known answers before checks move to it, and one that gets any wrong is not used. */
class KnownAnswersTest {

    @Test
    void theFastProviderGivesEveryKnownAnswer() {
        assertDoesNotThrow(() -> KnownAnswers.check(AmazonCorrettoCryptoProvider.INSTANCE));
    }

    @Test
    void aProviderThatAcceptsAnySignatureIsRefused() {
        GeneralSecurityException refused = assertThrows(GeneralSecurityException.class, () -> KnownAnswers.check(new AcceptsAnything()));
        assertEquals("AcceptsAnything got SHA256withRSA's known answer wrong", refused.getMessage());
    }

    @Test
    void aProviderWithoutTheChecksIsRefused() {
        assertThrows(GeneralSecurityException.class, () -> KnownAnswers.check(new Provider("Empty", "1", "no services") { }));
    }

    /** The JDK's providers, except that its SHA256withRSA says yes to every signature. */
    private static final class AcceptsAnything extends Provider {
        AcceptsAnything() {
            super("AcceptsAnything", "1", "a broken RS256");
            Provider.Service keys = Security.getProvider("SunRsaSign").getService("KeyFactory", "RSA");
            putService(new Provider.Service(this, "KeyFactory", "RSA", keys.getClassName(), null, null));
            putService(new Provider.Service(this, "Signature", "SHA256withRSA", YesToEverything.class.getName(), null, null));
        }
    }

    /** Public with a public constructor: the JCA makes it by reflection. */
    public static final class YesToEverything extends VerifyOnlySignature {
        public YesToEverything() {
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) {
        }

        @Override
        protected void engineUpdate(byte b) {
        }

        @Override
        protected void engineUpdate(byte[] bytes, int offset, int length) {
        }

        @Override
        protected boolean engineVerify(byte[] signature) {
            return true;
        }
    }
}
