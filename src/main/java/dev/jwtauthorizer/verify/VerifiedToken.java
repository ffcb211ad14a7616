package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A token whose signature and claims passed; read-only access to its claims. */
public final class VerifiedToken {
    private final Map<String, Object> claims;
    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final IssuerConfig issuer;
    /** Built on first use: most requests never ask for the whole payload. */
    private volatile Map<String, Object> readOnlyClaims;

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

    /**
     * Every claim of the payload, read-only all the way down: values are maps, lists, strings,
     * numbers (Integer, Long, Double or BigInteger), booleans or null, as the token has them. Code
     * given the claims (a custom check, a library user) must not be able to change what rules and
     * context read afterwards, so nested maps and lists are read-only too.
     */
    public Map<String, Object> claims() {
        Map<String, Object> view = readOnlyClaims;
        if (view == null) {
            view = readOnly(claims);
            readOnlyClaims = view;
        }
        return view;
    }

    @SuppressWarnings("unchecked")
    private static <T> T readOnly(T value) {
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> copy = new LinkedHashMap<>();
            object.forEach((name, member) -> copy.put((String) name, readOnly(member)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>(array.size());
            array.forEach(element -> copy.add(readOnly(element)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** The claim as a single string (a string, number or boolean), or null when absent or not scalar. */
    public String scalar(ClaimPath claim) {
        Object value = value(claim);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value) : null;
    }

    /**
     * Every value the claim holds, as strings: the elements of an array, the words of the top-level
     * scope/scp string, or the one value of any other scalar claim.
     */
    public List<String> values(ClaimPath claim) {
        Object value = value(claim);
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String || element instanceof Number || element instanceof Boolean) {
                    values.add(String.valueOf(element));
                }
            }
        } else if (value instanceof String text && claim.isSpaceSeparated()) {
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
    public Object contextValue(ClaimPath claim) {
        Object value = value(claim);
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double number && Double.isFinite(number)) {
            return value;
        }
        if (value instanceof Number number) {
            // Beyond a long or a double (1e400 reads as infinity): as text, which every reader takes.
            return number.toString();
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

    /** The claim's value when it is of a JSON type, else null. */
    private Object value(ClaimPath claim) {
        Object value = claim.resolve(claims);
        return value instanceof Map<?, ?> || value instanceof List<?> || value instanceof String
                || value instanceof Number || value instanceof Boolean ? value : null;
    }
}
