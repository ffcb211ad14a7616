package dev.jwtauthorizer.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";

    private static Reason rejection(String header) {
        return assertThrows(TokenRejectedException.class, () -> BearerToken.extract(header, 8192)).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "bEaReR ", ""})
    void bearerSchemeInAnyCaseOrABareTokenIsAccepted(String prefix) {
        CompactJws token = BearerToken.extract(prefix + JWT, 8192);
        assertEquals(JWT, token.toString());
        // The value's bytes, scheme and all (what tokenHash digests), with the token's place in them.
        assertArrayEquals((prefix + JWT).getBytes(StandardCharsets.UTF_8), token.text());
        assertEquals(prefix.length(), token.start());
        assertEquals(prefix.length() + JWT.indexOf('.'), token.firstDot());
        assertEquals(prefix.length() + JWT.lastIndexOf('.'), token.secondDot());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer "})
    void missingTokenIsRejected(String header) {
        assertEquals(Reason.MISSING_TOKEN, rejection(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Basic dXNlcjpwYXNz", "Bearer  " + JWT, " Bearer " + JWT, "Bearer " + JWT + " ", "Bearer\t" + JWT,
            "Bearer " + JWT + " " + JWT, "Bearer " + JWT + "," + JWT, "Token " + JWT,
            "a.b", "a.b.c.d", "a..c", ".b.c", "a.b.", "a.b.c=", "a+b.c.d", "Bearer a.b.c\n", "Bearer\u00a0" + JWT,
            "Bearer eyJ.eyJ.c2ln\u0000", "\u0392earer " + JWT, "Bearer\u2002" + JWT, "Bear\u0117r " + JWT,
            "Bearer eyJ.eyJ.c2l\u0100", "Bearer eyJ.eyJ.c2l\u00e9"})
    void anythingElseIsMalformed(String header) {
        assertEquals(Reason.MALFORMED_TOKEN, rejection(header));
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 10_000})
    void lengthIsBoundedBeforeParsing(int length) {
        assertEquals(Reason.TOKEN_TOO_LARGE, assertThrows(TokenRejectedException.class,
                () -> BearerToken.extract("Bearer " + "a".repeat(length), 100)).reason());
    }
}
