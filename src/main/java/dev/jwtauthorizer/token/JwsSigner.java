package dev.jwtauthorizer.token;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs compact JWS tokens for the local token command and for priming: the claims as given, in a
 * header of alg, typ JWT and an optional kid. java-jwt's own builder would bring ObjectMapper back.
 */
public final class JwsSigner {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwsSigner() {
    }

    /** @param kid the header's kid, or null for none */
    public static String sign(Algorithm algorithm, String kid, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm.getName());
        header.put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String headerSegment = segment(header);
        String payloadSegment = segment(claims);
        byte[] signature = algorithm.sign(headerSegment.getBytes(StandardCharsets.US_ASCII),
                payloadSegment.getBytes(StandardCharsets.US_ASCII));
        return headerSegment + "." + payloadSegment + "." + BASE64URL.encodeToString(signature);
    }

    private static String segment(Map<String, Object> members) {
        return BASE64URL.encodeToString(Json.write(members).getBytes(StandardCharsets.UTF_8));
    }
}
