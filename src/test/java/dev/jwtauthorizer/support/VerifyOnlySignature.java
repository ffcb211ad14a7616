package dev.jwtauthorizer.support;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.SignatureException;
import java.security.SignatureSpi;

/**
 * A {@code Signature} engine for test providers that only verifies: signing and the deprecated
 * parameter calls are refused, and a subclass says how it verifies. Subclasses must be public with
 * a public constructor, since the JCA makes them by reflection.
 */
public abstract class VerifyOnlySignature extends SignatureSpi {
    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        throw new InvalidKeyException("verification only");
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        throw new SignatureException("verification only");
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String name, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String name) {
        throw new UnsupportedOperationException();
    }
}
