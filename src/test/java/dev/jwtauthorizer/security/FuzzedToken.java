package dev.jwtauthorizer.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONStringUtils;
import java.nio.charset.StandardCharsets;

/**
 * A token the fuzzer shapes: either any text at all, or a header and payload assembled from
 * fuzzed members (known names with fuzzed values, plus raw fragments that may break the JSON),
 * signed for real by the issuer's HMAC secret or RSA key, or given fuzzed signature bytes.
 *
 * @param authorization the header value sent
 * @param compact       the token in it, when the harness assembled one; null for any-text values
 * @param signer        which configured key signed exactly the compact token's bytes, if any
 */
record FuzzedToken(String authorization, String compact, Signer signer) {
    enum Signer { NONE, HMAC, RSA }

    private static final String[] ALGORITHMS = {"RS256", "ES256", "HS256", "none", "RS512", "PS256"};
    private static final String[] KIDS = {"rsa-1", "ec-1", "attacker-1"};

    static FuzzedToken from(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return new FuzzedToken(data.consumeRemainingAsString(), null, Signer.NONE);
        }
        String header = object(
                member("alg", data.consumeBoolean() ? text(data.pickValue(ALGORITHMS)) : data.consumeString(12)),
                data.consumeBoolean() ? member("kid", text(data.consumeBoolean() ? data.pickValue(KIDS) : data.consumeString(16))) : null,
                data.consumeBoolean() ? member("typ", text(data.consumeString(8))) : null,
                data.consumeBoolean() ? data.consumeString(32) : null);
        long now = System.currentTimeMillis() / 1000;
        String payload = object(
                data.consumeBoolean() ? member("iss", text(data.consumeBoolean() ? Forger.ISSUER : data.consumeString(40))) : null,
                data.consumeBoolean() ? member("aud", text(data.consumeBoolean() ? Forger.AUDIENCE : data.consumeString(16))) : null,
                data.consumeBoolean() ? member("sub", text(data.consumeString(16))) : null,
                data.consumeBoolean() ? member("exp", Long.toString(now + data.consumeLong(-100_000, 100_000))) : null,
                data.consumeBoolean() ? member("nbf", Long.toString(now + data.consumeLong(-100_000, 100_000))) : null,
                data.consumeBoolean() ? member("iat", Long.toString(now + data.consumeLong(-100_000, 100_000))) : null,
                data.consumeBoolean() ? data.consumeString(64) : null);
        String signingInput = Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8));
        Signer signer = data.pickValue(Signer.values());
        String signature = switch (signer) {
            case HMAC -> Forger.signature(signingInput, JWSAlgorithm.HS256, Forger.hmac(Forger.HMAC_SECRET.getBytes(StandardCharsets.UTF_8)));
            case RSA -> Forger.signature(signingInput, JWSAlgorithm.RS256, Forger.signer(Forger.RSA));
            case NONE -> Base64URL.encode(data.consumeBytes(300)).toString();
        };
        String prefix = data.consumeBoolean() ? "Bearer " : data.consumeString(8);
        String compact = signingInput + "." + signature;
        return new FuzzedToken(prefix + compact, compact, signer);
    }

    private static String text(String value) {
        return JSONStringUtils.toJSONString(value);
    }

    private static String member(String name, String jsonValue) {
        return "\"" + name + "\":" + jsonValue;
    }

    /** The members joined into an object; a null member is left out, a raw fragment kept as it is. */
    private static String object(String... members) {
        StringBuilder json = new StringBuilder("{");
        for (String member : members) {
            if (member != null) {
                json.append(json.length() > 1 ? "," : "").append(member);
            }
        }
        return json.append('}').toString();
    }
}
