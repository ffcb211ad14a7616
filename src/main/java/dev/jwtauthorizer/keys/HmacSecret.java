package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/** The shared secret for HS* tokens. Its text never reaches a log or an error message. */
public final class HmacSecret {
    private static final String BASE64_PREFIX = "base64:";

    private final byte[] bytes;

    public HmacSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /**
     * Reads a secret as configured: UTF-8 text, or binary after a {@code base64:} prefix. It must be
     * at least as long as each allowed algorithm's hash (RFC 7518 section 3.2), and be a secret:
     * not blank, not wrapped in whitespace (the newline {@code echo} or a file adds would be part of
     * the key, and a token signed with the intended secret would never verify), not a published key
     * ({@link PublicKeyLookalike}), not a JSON object (the shape of a Secrets Manager key/value secret).
     *
     * @throws IllegalArgumentException saying what is wrong, never what the secret is
     */
    public static HmacSecret parse(byte[] configured, Set<JwsAlgorithm> algorithms) {
        String text = new String(configured, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new IllegalArgumentException("is blank; set it to a random secret (base64: for binary)");
        }
        refusePublished(PublicKeyLookalike.describeText(text));
        if (isJsonObject(text)) {
            throw new IllegalArgumentException("is a JSON object, not a secret; for a Secrets Manager secret in the "
                    + "key/value shape set JWT_HMAC_SECRET_JSON_KEY (hmacSecretJsonKey) to the member that holds it");
        }
        if (isSpace(text.charAt(0)) || isSpace(text.charAt(text.length() - 1))) {
            throw new IllegalArgumentException("starts or ends with whitespace, which would be part of the key; "
                    + "remove the trailing newline (or spaces); for binary secrets use base64:");
        }
        byte[] bytes;
        if (text.startsWith(BASE64_PREFIX)) {
            try {
                bytes = Base64.getDecoder().decode(text.substring(BASE64_PREFIX.length()).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the text after \"base64:\" is not valid base64");
            }
            refusePublished(PublicKeyLookalike.describeBytes(bytes));
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

    private static void refusePublished(String lookalike) {
        if (lookalike != null) {
            throw new IllegalArgumentException("looks like " + lookalike + ": keys and certificates are published, and "
                    + "one used as the shared secret lets anyone who has it sign tokens; use a random secret of its own "
                    + "(at least 32 bytes; base64: for binary)");
        }
    }

    private static boolean isJsonObject(String text) {
        if (!text.strip().startsWith("{")) {
            return false;
        }
        try {
            return Json.asObject(Json.read(text)) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    public int length() {
        return bytes.length;
    }

    /** The secret itself, for {@link PublishedNumbers} alone: never logged, never copied out of this package. */
    byte[] bytes() {
        return bytes;
    }

    /** The secret as the key of {@code algorithm}'s {@code Mac}. */
    SecretKeySpec keySpec(JwsAlgorithm algorithm) {
        if (algorithm.family() != KeyFamily.HMAC) {
            throw new IllegalArgumentException("an HMAC secret never verifies " + algorithm);
        }
        return new SecretKeySpec(bytes, algorithm.jcaName());
    }

    @Override
    public String toString() {
        return "HmacSecret[" + bytes.length + " bytes]";
    }
}
