package dev.jwtauthorizer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.function.Supplier;

/** What a JSON reader made of a text: a value, or the message it refused it with. */
record ReadOutcome(Object value, String refusal) {

    static ReadOutcome value(Object value) {
        return new ReadOutcome(value, null);
    }

    static ReadOutcome refusal(String message) {
        return new ReadOutcome(null, Objects.requireNonNull(message));
    }

    /**
     * Ours refuses with an IllegalArgumentException itself; anything else (a NumberFormatException,
     * which is one too, an index error, a stack overflow) is a bug and is thrown on.
     */
    static ReadOutcome ours(Supplier<Object> read) {
        try {
            return value(read.get());
        } catch (IllegalArgumentException e) {
            if (e.getClass() != IllegalArgumentException.class) {
                throw e;
            }
            return refusal(e.getMessage());
        }
    }

    static ReadOutcome jackson(ObjectMapper mapper, String text) {
        try {
            return value(mapper.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            return refusal(String.valueOf(e.getOriginalMessage()));
        }
    }

    boolean accepted() {
        return refusal == null;
    }

    boolean refused() {
        return refusal != null;
    }
}
