package dev.jwtauthorizer.verify;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A token whose signature and claims passed; read-only access to its claims. */
public final class VerifiedToken {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // RFC 8693 section 4.2 (scope) and Azure AD's scp: one string of space-separated values.
    private static final List<String> SPACE_SEPARATED_CLAIMS = List.of("scope", "scp");

    private final DecodedJWT jwt;
    private final JwsAlgorithm algorithm;

    VerifiedToken(DecodedJWT jwt, JwsAlgorithm algorithm) {
        this.jwt = jwt;
        this.algorithm = algorithm;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The header's kid, or null. */
    public String keyId() {
        return jwt.getKeyId();
    }

    /** The claim as a single string (a string, number or boolean), or null when absent or not scalar. */
    public String scalar(String claimName) {
        Object value = value(claimName);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value) : null;
    }

    /**
     * Every value the claim holds, as strings: the elements of an array, the words of a
     * space-separated scope/scp string, or the one value of any other scalar claim.
     */
    public List<String> values(String claimName) {
        Object value = value(claimName);
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String || element instanceof Number || element instanceof Boolean) {
                    values.add(String.valueOf(element));
                }
            }
        } else if (value instanceof String text && SPACE_SEPARATED_CLAIMS.contains(claimName)) {
            for (String word : text.split(" ")) {
                if (!word.isEmpty()) {
                    values.add(word);
                }
            }
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            values.add(String.valueOf(value));
        }
        return values;
    }

    /**
     * The claim as API Gateway accepts it in an authorizer context: a string, number or boolean.
     * Arrays are joined with commas and objects become their JSON text. Null when absent.
     */
    public Object contextValue(String claimName) {
        Object value = value(claimName);
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object element : list) {
                parts.add(element instanceof String text ? text : json(element));
            }
            return String.join(",", parts);
        }
        return json(value);
    }

    private Object value(String claimName) {
        Claim claim = jwt.getClaim(claimName);
        if (claim.isMissing() || claim.isNull()) {
            return null;
        }
        Object value = claim.as(Object.class);
        return value instanceof Map<?, ?> || value instanceof List<?> || value instanceof String
                || value instanceof Number || value instanceof Boolean ? value : null;
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
