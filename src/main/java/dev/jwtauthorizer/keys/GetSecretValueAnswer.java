package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The secret in a GetSecretValue answer, whether Secrets Manager sent it or the Parameters and
 * Secrets extension passed it on: its SecretString (as text, where a {@code base64:} prefix means
 * binary), or its SecretBinary, returned as {@code base64:} text.
 *
 * <p>With a JSON key (JWT_HMAC_SECRET_JSON_KEY), the SecretString is a JSON object, as the console
 * stores a key/value secret, and the secret is that member's string.
 *
 * <p>Nothing of the answer reaches a message. An answer that is not GetSecretValue's JSON is an
 * {@link IOException}; a secret whose content is not in the configured shape is an
 * {@link IllegalArgumentException}, which no retry will fix.
 */
final class GetSecretValueAnswer {
    private GetSecretValueAnswer() {
    }

    /**
     * @param jsonKey the member of the SecretString's JSON object that holds the secret; null: the whole SecretString
     * @param from    whose answer it is, for messages: "the Secrets extension's answer"
     */
    static byte[] secret(byte[] answer, String jsonKey, String from) throws IOException {
        Map<String, Object> document;
        try {
            document = Json.asObject(Json.read(answer));
        } catch (IllegalArgumentException e) {
            // Even the parser's reason is left out: it could quote the secret.
            throw new IOException(from + " is not JSON");
        }
        String text = document == null ? null : Json.text(document, "SecretString");
        if (text != null) {
            return (jsonKey == null ? text : member(text, jsonKey)).getBytes(StandardCharsets.UTF_8);
        }
        String binary = document == null ? null : Json.text(document, "SecretBinary");
        if (binary != null && jsonKey != null) {
            throw new IllegalArgumentException("the secret is binary (SecretBinary), but JWT_HMAC_SECRET_JSON_KEY "
                    + "(hmacSecretJsonKey) expects a JSON object in SecretString; unset it");
        }
        if (binary != null) {
            try {
                byte[] bytes = Base64.getDecoder().decode(binary);
                return ("base64:" + Base64.getEncoder().encodeToString(bytes)).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException("the secret's SecretBinary is not base64");
            }
        }
        throw new IOException(from + " has neither SecretString nor SecretBinary");
    }

    /** The JSON key's member of a key/value secret; never a word of the secret in a message. */
    private static String member(String secretString, String jsonKey) {
        Map<String, Object> object;
        try {
            object = Json.asObject(Json.read(secretString));
        } catch (IllegalArgumentException e) {
            object = null;
        }
        if (object == null) {
            throw new IllegalArgumentException("the SecretString is not a JSON object, but JWT_HMAC_SECRET_JSON_KEY "
                    + "(hmacSecretJsonKey) is set; store the secret as key/value pairs, or unset it to use the whole SecretString");
        }
        if (!object.containsKey(jsonKey)) {
            throw new IllegalArgumentException("the SecretString's JSON object has no member \"" + jsonKey
                    + "\" (JWT_HMAC_SECRET_JSON_KEY); set it to the key the secret is stored under");
        }
        if (!(object.get(jsonKey) instanceof String value)) {
            throw new IllegalArgumentException("the SecretString's member \"" + jsonKey + "\" is not a string");
        }
        return value;
    }
}
