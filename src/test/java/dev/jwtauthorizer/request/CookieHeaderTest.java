package dev.jwtauthorizer.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cookie headers as browsers send them (RFC 6265 section 5.4), and the entries of HTTP API 2.0's cookies array. */
class CookieHeaderTest {
    private static final String NAME = "access_token";

    private static List<String> values(String header) {
        return CookieHeader.values(header, NAME);
    }

    @Test
    void theNamedCookieIsFoundAmongOthers() {
        assertEquals(List.of("xyz"), values("theme=dark; access_token=xyz; lang=en"));
        assertEquals(List.of("xyz"), values("access_token=xyz"));
        assertEquals(List.of(), values("theme=dark; lang=en"));
        assertEquals(List.of(), values(""));
    }

    @Test
    void spacesAroundPairsAndSeparatorsAreNotPartOfNamesOrValues() {
        assertEquals(List.of("xyz"), values("theme=dark;access_token=xyz"));
        assertEquals(List.of("xyz"), values("  theme=dark ;   access_token=xyz  ; lang=en"));
        assertEquals(List.of("xyz"), values("access_token = xyz"));
        assertEquals(List.of("xyz"), values("a=1;;access_token=xyz;"));
    }

    @Test
    void onlySpacesAndTabsAreTrimmedNeverControlCharacters() {
        // RFC 6265's optional whitespace is SP and HTAB; anything else stays, and the token check refuses it.
        assertEquals(List.of("xyz"), values("\taccess_token=xyz\t"));
        assertEquals(List.of("xyz\u001f"), values("access_token=xyz\u001f"));
        assertEquals(List.of("xyz\n"), values("access_token=xyz\n"));
        assertEquals(List.of("\u000bxyz"), values("access_token=\u000bxyz"));
        assertEquals(List.of("xyz\u2003"), values("access_token=xyz\u2003"));
        assertEquals(List.of(), values("\u001faccess_token=xyz"));
    }

    @Test
    void aQuotedValueIsReadWithoutItsQuotes() {
        assertEquals(List.of("xyz"), values("access_token=\"xyz\""));
        assertEquals(List.of(""), values("access_token=\"\""));
        // A lone quote is no quoting: kept as sent, so the token check refuses it.
        assertEquals(List.of("\""), values("access_token=\""));
        assertEquals(List.of("\"xyz"), values("access_token=\"xyz"));
    }

    @Test
    void onlyTheFirstEqualsSignEndsTheName() {
        assertEquals(List.of("a=b=="), values("access_token=a=b=="));
        assertEquals(List.of("=x"), values("access_token==x"));
    }

    @Test
    void namesAreComparedWholeAndExactly() {
        assertEquals(List.of("good"), values("access_token2=evil; access_token=good"));
        assertEquals(List.of("good"), values("access_token=good; access_token2=evil"));
        assertEquals(List.of(), values("xaccess_token=evil; access_token_old=evil; Access_Token=evil; ACCESS_TOKEN=evil"));
        assertEquals(List.of(), values("access_tokenx=evil"));
        assertEquals(List.of(), values("access_token"));
        assertEquals(List.of(), values("=access_token=evil"));
    }

    @Test
    void anEmptyValueIsReturnedAsEmpty() {
        assertEquals(List.of(""), values("access_token="));
        assertEquals(List.of("", "x"), values("access_token=; access_token=x"));
    }

    @Test
    void aCookieSentTwiceGivesBothValues() {
        // Browsers send one name twice when two paths or domains set it; which one is meant cannot be known.
        assertEquals(List.of("x", "x"), values("access_token=x; access_token=x"));
        assertEquals(List.of("genuine", "planted"), values("access_token=genuine; theme=dark; access_token=planted"));
    }

    @Test
    void anEntryWithoutEqualsSignCarriesNoCookie() {
        // The developer guide's own 2.0 example has "cookies": ["cookie1", "cookie2"].
        assertEquals(List.of(), values("cookie1"));
        assertEquals(List.of(), values("access_token; cookie2"));
    }
}
