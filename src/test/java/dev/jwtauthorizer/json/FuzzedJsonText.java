package dev.jwtauthorizer.json;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The fuzzer's bytes as the texts the reader takes: UTF-8 bytes, and a Java String. */
final class FuzzedJsonText {

    private FuzzedJsonText() {
    }

    /**
     * The bytes as a Java String: valid UTF-8 as its text; else Java's modified UTF-8, which
     * encodes each surrogate on its own, so lone and split surrogates reach the String path (a
     * caller with a String can pass them); else decoded leniently (bad bytes become U+FFFD).
     */
    static String textOf(byte[] input) {
        String text = strictUtf8(input);
        if (text != null) {
            return text;
        }
        if (input.length <= 0xFFFF) {
            byte[] prefixed = ByteBuffer.allocate(input.length + 2).putShort((short) input.length).put(input).array();
            try {
                return new DataInputStream(new ByteArrayInputStream(prefixed)).readUTF();
            } catch (IOException notModifiedUtf8) {
                // decoded leniently below
            }
        }
        return new String(input, StandardCharsets.UTF_8);
    }

    /** The text the bytes encode, or null when they are not UTF-8 (a REPORTing decoder refuses them). */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
