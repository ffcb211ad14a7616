package dev.jwtauthorizer.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decodes what the JDK's base64url decoder decodes, to the same bytes, from inside a longer text. */
class Base64UrlTest {

    @Test
    void everyLengthAndEveryByteDecodesAsTheJdkDecodes() {
        Random random = new Random(18);
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String token = "x." + encoded + ".y";
            assertArrayEquals(bytes, Base64Url.decode(token, 2, 2 + encoded.length()), "length " + length);
        }
    }

    @Test
    void theWholeAlphabetHasItsValues() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            assertEquals(i, Base64Url.value(alphabet.charAt(i)));
        }
        assertArrayEquals(Base64.getUrlDecoder().decode(alphabet), Base64Url.decode(alphabet, 0, alphabet.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "/", "=", ".", " ", "\u00e9", "\u0100", "\uff21"})
    void aCharacterOutsideTheAlphabetIsRefused(String character) {
        assertEquals(-1, Base64Url.value(character.charAt(0)));
        String text = "AAA" + character;
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(text, 0, text.length()));
    }

    @Test
    void aLoneLastCharacterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("AAAAA", 0, 5));
    }
}
