package dev.jwtauthorizer.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * The values the request-event fuzz test places in requests: two genuine tokens of two principals,
 * signed with the configured HMAC secret, and values that are no valid token (forged, tampered,
 * expired, unsigned, percent-encoded, garbage). Made once per JVM by nimbus-jose-jwt (via Forger),
 * never by the code under test.
 *
 * @param subject null for every value that is no valid token
 * @param plan    the usage plan claim, which only REST answers carry
 */
record Credential(String name, String compact, String subject, String plan) {
    /** Allowed GET /books/* and $connect by the test's rules. */
    static final Credential ALICE = genuine("alice", "books:read", "gold");
    /** Allowed POST /books/* only. */
    static final Credential MALLORY = genuine("mallory", "books:write", "silver");
    /** Alice's claims signed with a secret the authorizer does not know. */
    static final Credential FORGED = new Credential("forged",
            Forger.sign(new JWSHeader(JWSAlgorithm.HS256), claims("alice", "books:read", "gold").build(),
                    Forger.hmac(Forger.utf8("not-the-configured-secret-but-as-long-as-it"))), null, null);
    /** Alice's header and signature around Mallory's payload. */
    static final Credential TAMPERED = new Credential("tampered", ALICE.compact.substring(0, ALICE.compact.indexOf('.'))
            + MALLORY.compact.substring(MALLORY.compact.indexOf('.'), MALLORY.compact.lastIndexOf('.'))
            + ALICE.compact.substring(ALICE.compact.lastIndexOf('.')), null, null);
    static final Credential EXPIRED = new Credential("expired", sign(claims("alice", "books:read", "gold")
            .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
            .expirationTime(new Date(System.currentTimeMillis() - 3_600_000))), null, null);
    static final Credential UNSIGNED = new Credential("unsigned", Forger.unsigned("{\"alg\":\"none\"}",
            claims("alice", "books:read", "gold").build().toString(), new byte[0]), null, null);
    /**
     * Alice's token with its first character percent-encoded. API Gateway hands the authorizer
     * decoded values; decoding once more would turn this into Alice's token.
     */
    static final Credential ENCODED = new Credential("encoded", "%65" + ALICE.compact.substring(1), null, null);
    static final Credential GARBAGE = new Credential("garbage", "not-a-token", null, null);

    static final List<Credential> ALL = List.of(ALICE, MALLORY, FORGED, TAMPERED, EXPIRED, UNSIGNED, ENCODED, GARBAGE);
    /** What the fuzzer picks from: the genuine token more often, so that Allows are common. */
    static final Credential[] PICKS = {ALICE, ALICE, ALICE, MALLORY, FORGED, TAMPERED, EXPIRED, UNSIGNED, ENCODED, GARBAGE};

    boolean genuine() {
        return subject != null;
    }

    /** Whether the test's rules grant this principal the route ("GET /books/42", "$connect", ...). */
    static boolean granted(String subject, String route) {
        return switch (subject) {
            case "alice" -> route.equals("$connect") || route.startsWith("GET /books/");
            case "mallory" -> route.startsWith("POST /books/");
            default -> false;
        };
    }

    /** The plan claim of the genuine token with this subject; null for any other subject. */
    static String plan(String subject) {
        return ALICE.subject.equals(subject) ? ALICE.plan : MALLORY.subject.equals(subject) ? MALLORY.plan : null;
    }

    @Override
    public String toString() {
        return name;
    }

    private static Credential genuine(String subject, String scope, String plan) {
        return new Credential(subject, sign(claims(subject, scope, plan)), subject, plan);
    }

    /** Valid for a week, so that a long fuzzing run never sees the genuine tokens expire. */
    private static JWTClaimsSet.Builder claims(String subject, String scope, String plan) {
        return Forger.claims().subject(subject).claim("scope", scope).claim("plan", plan)
                .expirationTime(new Date(System.currentTimeMillis() + 7 * 86_400_000L));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        return Forger.sign(new JWSHeader(JWSAlgorithm.HS256), claims.build(), Forger.hmac(Forger.HMAC_SECRET.getBytes(StandardCharsets.UTF_8)));
    }
}
