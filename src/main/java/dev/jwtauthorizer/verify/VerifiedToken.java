package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A token whose signature and claims passed; read-only access to its claims. */
public final class VerifiedToken {
    // RFC 8693 section 4.2 (scope) and Azure AD's scp: one string of space-separated values.
    private static final List<String> SPACE_SEPARATED_CLAIMS = List.of("scope", "scp");

    private final Map<String, Object> claims;
    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final IssuerConfig issuer;

    VerifiedToken(Map<String, Object> claims, JwsAlgorithm algorithm, String keyId, IssuerConfig issuer) {
        this.claims = claims;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.issuer = issuer;
    }

    /** The configuration of the issuer that vouched for this token: its rules apply. */
    public IssuerConfig issuer() {
        return issuer;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The header's kid, or null. */
    public String keyId() {
        return keyId;
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
                parts.add(element instanceof String text ? text : Json.write(element));
            }
            return String.join(",", parts);
        }
        return Json.write(value);
    }

    /**
     * The claim's value; a name with dots that is not itself a claim is a path into objects
     * ({@code realm_access.roles}, as Keycloak nests roles). Names like {@code cognito:groups} or a
     * namespaced {@code https://example.com/roles} are found as they are first.
     */
    private Object value(String claimName) {
        Object value = claims.get(claimName);
        if (value == null && claimName.indexOf('.') > 0) {
            String[] path = claimName.split("\\.");
            value = claims.get(path[0]);
            for (int i = 1; i < path.length && value != null; i++) {
                value = value instanceof Map<?, ?> object ? object.get(path[i]) : null;
            }
        }
        return value instanceof Map<?, ?> || value instanceof List<?> || value instanceof String
                || value instanceof Number || value instanceof Boolean ? value : null;
    }
}
