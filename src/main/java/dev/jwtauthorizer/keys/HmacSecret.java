package dev.jwtauthorizer.keys;

import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/** The shared secret for HS* tokens. Its text never reaches a log or an error message. */
public final class HmacSecret {
    private static final String BASE64_PREFIX = "base64:";

    private final byte[] bytes;

    public HmacSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /**
     * Reads a secret as configured: UTF-8 text, or binary after a {@code base64:} prefix. It must be
     * at least as long as each allowed algorithm's hash (RFC 7518 section 3.2).
     *
     * @throws IllegalArgumentException saying what is wrong, never what the secret is
     */
    public static HmacSecret parse(byte[] configured, Set<JwsAlgorithm> algorithms) {
        String text = new String(configured, StandardCharsets.UTF_8);
        byte[] bytes;
        if (text.startsWith(BASE64_PREFIX)) {
            try {
                bytes = Base64.getDecoder().decode(text.substring(BASE64_PREFIX.length()).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the text after \"base64:\" is not valid base64");
            }
        } else {
            bytes = configured;
        }
        for (JwsAlgorithm algorithm : algorithms) {
            if (algorithm.family() == KeyFamily.HMAC && bytes.length < algorithm.minSecretBytes()) {
                throw new IllegalArgumentException("is " + bytes.length + " bytes; " + algorithm
                        + " needs at least " + algorithm.minSecretBytes());
            }
        }
        return new HmacSecret(bytes);
    }

    public int length() {
        return bytes.length;
    }

    public Algorithm verifierFor(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case HS256 -> Algorithm.HMAC256(bytes);
            case HS384 -> Algorithm.HMAC384(bytes);
            case HS512 -> Algorithm.HMAC512(bytes);
            default -> throw new IllegalArgumentException("an HMAC secret never verifies " + algorithm);
        };
    }

    @Override
    public String toString() {
        return "HmacSecret[" + bytes.length + " bytes]";
    }
}
