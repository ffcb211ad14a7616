package dev.jwtauthorizer.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.support.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key list and the matcher on their own: what the hash command prints matches, nothing else does. */
class ApiKeyListTest {
    private static ApiKeyList list(String... entries) {
        return ApiKeyList.parse(ApiKeys.document(entries).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHashCommandsStringIsTheDigestOfTheKeysUtf8Bytes() {
        assertEquals(ApiKeys.sha256(ApiKeys.ACME), ApiKeyHash.sha256(ApiKeys.ACME));
        assertEquals(ApiKeys.sha256("clé"), ApiKeyHash.sha256("clé"));
        assertEquals(ApiKeys.sha512(ApiKeys.ACME), ApiKeyHash.of(DigestAlgorithm.SHA512, ApiKeys.ACME));
    }

    @Test
    void eachKeyMatchesItsOwnEntryWhateverTheDigest() {
        ApiKeyList list = list(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry(), ApiKeys.writerEntry());
        assertEquals("acme-2026-11", ApiKeyMatcher.match(ApiKeys.ACME, list).id());
        assertEquals("acme-2027-01", ApiKeyMatcher.match(ApiKeys.ACME_NEXT, list).id());
        assertEquals("writer-1", ApiKeyMatcher.match(ApiKeys.WRITER, list).id());
        for (String near : List.of("", ApiKeys.ACME.substring(1), ApiKeys.ACME + " ", ApiKeys.ACME.toUpperCase(),
                ApiKeys.sha256(ApiKeys.ACME), ApiKeys.sha256(ApiKeys.ACME).substring(7))) {
            assertNull(ApiKeyMatcher.match(near, list), near);
        }
    }

    @Test
    void presentedKeysOutsideTheLimitsAreNotWorthDigesting() {
        assertTrue(ApiKeyMatcher.isWellFormed("k".repeat(ApiKeyMatcher.MAX_KEY_LENGTH)));
        assertFalse(ApiKeyMatcher.isWellFormed("k".repeat(ApiKeyMatcher.MAX_KEY_LENGTH + 1)));
        assertFalse(ApiKeyMatcher.isWellFormed(""));
        assertFalse(ApiKeyMatcher.isWellFormed(null));
        for (char control : new char[] {0, '\t', '\n', '\r', 0x1f, 0x7f, 0x85}) {
            assertFalse(ApiKeyMatcher.isWellFormed("key" + control + "key"), Integer.toHexString(control));
        }
    }

    @Test
    void whatTheListAndItsEntriesSayOfThemselvesHoldsNoDigest() {
        ApiKeyList list = list(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry());
        assertEquals("2 API keys", list.toString());
        String entries = list.entries().toString();
        for (String material : ApiKeys.material(ApiKeys.ACME)) {
            assertFalse(entries.contains(material), entries);
        }
        assertEquals("[API key acme-2026-11, API key acme-2027-01]", entries);
    }
}
