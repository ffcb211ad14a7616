package dev.jwtauthorizer.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.token.BearerToken;
import dev.jwtauthorizer.token.CompactJws;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A token's segments decoded where they lie in its bytes, and the shapes that must read as malformed. */
class DecodedTokenTest {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private static String segment(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachRangeDecodesAsTheJdkDecodesItsSubstring() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] a = new byte[random.nextInt(40)];
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(a);
            random.nextBytes(b);
            String text = URL.encodeToString(a) + "." + URL.encodeToString(b);
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            int dot = text.indexOf('.');
            assertArrayEquals(a, DecodedToken.base64url(bytes, 0, dot), text);
            assertArrayEquals(b, DecodedToken.base64url(bytes, dot + 1, bytes.length), text);
        }
    }

    @Test
    void theSignatureAndSigningInputAreTheTokensOwn() {
        byte[] signature = new byte[256];
        new Random(1).nextBytes(signature);
        String signed = segment("{\"alg\":\"RS256\"}") + "." + segment("{\"iss\":\"https://issuer.example\",\"exp\":1}");
        // After a scheme, so that the token starts inside the value's bytes.
        DecodedToken token = DecodedToken.decode(BearerToken.extract("Bearer " + signed + "." + URL.encodeToString(signature), 8192));
        assertArrayEquals(signature, token.signature());
        assertEquals(signed.length(), token.signingInputLength());
        assertEquals(signed, new String(token.signingInput(), token.signingInputOffset(), token.signingInputLength(),
                StandardCharsets.ISO_8859_1));
        assertEquals("RS256", token.getAlgorithm());
        assertEquals("https://issuer.example", token.getIssuer());
    }

    @Test
    void aCallerWithoutBearerTokenGetsItsShapeCheckToo() {
        String header = segment("{\"alg\":\"RS256\"}");
        String payload = segment("{\"iss\":\"x\"}");
        for (String text : new String[] {"", "no-dots", header, header + "." + payload, "." + payload + ".c2ln",
                header + ".." + "c2ln", header + "." + payload.replace('e', '\u0165') + ".c2ln",
                header + "." + payload + ".c2ln\u0100", "Bearer " + header + "." + payload + ".c2ln"}) {
            TokenRejectedException e = assertThrows(TokenRejectedException.class,
                    () -> DecodedToken.decode(CompactJws.of(text)), text);
            assertEquals(Reason.MALFORMED_TOKEN, e.reason(), text);
        }
        assertEquals("x", DecodedToken.decode(CompactJws.of(header + "." + payload + ".c2ln")).getIssuer());
    }
}
