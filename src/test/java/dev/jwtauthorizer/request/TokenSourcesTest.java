package dev.jwtauthorizer.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.support.Events;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JWT_TOKEN_SOURCES: how the list is read, and which token a request yields under it. */
class TokenSourcesTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books";

    /** A REST REQUEST event with these members (JSON text without braces), read as the handler reads it. */
    private static AuthorizerRequest rest(String members) {
        return EventReader.read(Events.fromJson("{\"type\":\"REQUEST\",\"methodArn\":\"" + ARN + "\"" + (members.isEmpty() ? "" : ",")
                + members + "}"));
    }

    private static AuthorizerRequest v2(String members) {
        return EventReader.read(Events.fromJson("{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"" + ARN + "\","
                + members + "}"));
    }

    private static TokenSources.Found find(String sources, AuthorizerRequest request) {
        return TokenSources.parse(sources).find(request);
    }

    private static Reason refusal(String sources, AuthorizerRequest request) {
        return assertThrows(TokenRejectedException.class, () -> find(sources, request)).reason();
    }

    // --- reading the setting ---

    @Test
    void theListKeepsItsOrderAndIgnoresSpacesAroundEntries() {
        TokenSources sources = TokenSources.parse(" cookie:access_token ,header:Authorization,\tquery:token , protocol:bearer");
        assertEquals(List.of(new TokenSource(TokenSource.Kind.COOKIE, "access_token"),
                new TokenSource(TokenSource.Kind.HEADER, "Authorization"),
                new TokenSource(TokenSource.Kind.QUERY, "token"),
                new TokenSource(TokenSource.Kind.PROTOCOL, "bearer")), sources.sources());
        assertEquals("cookie:access_token,header:Authorization,query:token,protocol:bearer", sources.toString());
    }

    @Test
    void theKindIsReadTheSameWhateverTheMachinesLanguage() {
        Locale original = Locale.getDefault();
        try {
            // In Turkish, "COOKIE".toLowerCase() is "cookıe", with a dotless i.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("cookie:access_token", TokenSources.parse("cookie:access_token").toString());
        } finally {
            Locale.setDefault(original);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "header:Authorization,header:Authorization  | header:Authorization is listed twice",
            "header:Authorization,header:authorization  | header names are case-insensitive",
            "query:token,cookie:a,query:token           | query:token is listed twice",
            "header:Authorization,                      | entry 2 of 2 is empty",
            "header:Authorization,,cookie:a             | entry 2 of 3 is empty",
            ",                                          | entry 1 of 2 is empty",
            "bearer:Authorization                       | unknown source kind \"bearer\"",
            "Header:Authorization                       | unknown source kind \"Header\"",
            "body:token                                 | use header, cookie, query or protocol",
            "Authorization                              | is not of the form kind:name",
            "header:                                    | header source needs a name, like header:Authorization",
            "cookie:                                    | like cookie:access_token",
            "protocol:                                  | like protocol:bearer",
            "header :Authorization                      | unknown source kind \"header \"",
            "header: Authorization                      | \" Authorization\" is not a valid header name",
            "header:Author ization                      | is not a valid header name",
            "header:Authorization:x                     | is not a valid header name",
            "cookie:access;token                        | is not a valid cookie name",
            "cookie:access=token                        | is not a valid cookie name",
            "cookie:jeton_d’accès                       | is not a valid cookie name",
            "query:a&b                                  | is not a valid query name",
            "query:a=b                                  | is not a valid query name",
            "query:a b                                  | is not a valid query name",
            "protocol:a/b                               | is not a valid protocol name"})
    void aWrongListIsRefusedSayingWhatIsWrong(String list, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenSources.parse(list));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void anEmptyListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenSources.parse(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TokenSources(List.of()));
        assertTrue(e.getMessage().contains("at least one source"), e.getMessage());
    }

    // --- finding the token ---

    @Test
    void aHeaderSourceTakesBearerOrBareValuesWhateverTheNamesCase() {
        assertEquals("Bearer x", find("header:Authorization", rest("\"headers\":{\"authorization\":\"Bearer x\"}")).value());
        assertEquals("x", find("header:x-token", rest("\"headers\":{\"X-Token\":\"x\"}")).value());
        assertEquals("Bearer x", find("header:AUTHORIZATION", v2("\"headers\":{\"authorization\":\"Bearer x\"}")).value());
    }

    @Test
    void aCookieSourceReadsTheCookieHeaderAndTheCookiesArray() {
        assertEquals("x", find("cookie:access_token", rest("\"headers\":{\"Cookie\":\"a=1; access_token=x\"}")).value());
        assertEquals("x", find("cookie:access_token",
                rest("\"multiValueHeaders\":{\"cookie\":[\"a=1\",\"access_token=x\"]}")).value());
        assertEquals("x", find("cookie:access_token", v2("\"cookies\":[\"a=1\",\"access_token=x\"]")).value());
        assertEquals(Reason.MISSING_TOKEN, refusal("cookie:access_token", v2("\"cookies\":[\"access_token2=x\",\"access_token\"]")));
    }

    @Test
    void queryNamesAreCaseSensitive() {
        assertEquals("x", find("query:token", rest("\"queryStringParameters\":{\"token\":\"x\"}")).value());
        assertEquals(Reason.MISSING_TOKEN, refusal("query:token", rest("\"queryStringParameters\":{\"Token\":\"x\"}")));
        assertEquals(Reason.MISSING_TOKEN, refusal("query:Token", rest("\"queryStringParameters\":{\"token\":\"x\"}")));
    }

    @Test
    void aProtocolSourceTakesTheEntryRightAfterItsMarker() {
        assertEquals("x", find("protocol:bearer", rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, x\"}")).value());
        assertEquals("x", find("protocol:bearer", rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"chat,bearer,x,json\"}")).value());
        assertEquals(Reason.MISSING_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"chat, bearer\"}")));
        assertEquals(Reason.MISSING_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, \"}")));
        assertEquals(Reason.MISSING_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"x, chat\"}")));
        // Subprotocol names are case-sensitive (RFC 6455): "Bearer" is not the marker "bearer".
        assertEquals(Reason.MISSING_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"Bearer, x\"}")));
    }

    @Test
    void protocolEntriesLoseSpacesAndTabsButKeepControlCharacters() {
        assertEquals("x", find("protocol:bearer", rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer,\\tx\\t\"}")).value());
        assertEquals("x\u001f", find("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, x\\u001f\"}")).value());
        assertEquals("x\n", find("protocol:bearer", rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, x\\n\"}")).value());
        assertEquals(Reason.MISSING_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer\\u000b, x\"}")));
    }

    @Test
    void aMarkerGivenTwiceMustBeFollowedByTheSameToken() {
        assertEquals("x", find("protocol:bearer", rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, x, bearer, x\"}")).value());
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, x, bearer, y\"}")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal("protocol:bearer",
                rest("\"multiValueHeaders\":{\"Sec-WebSocket-Protocol\":[\"bearer, x\",\"bearer, y\"]}")));
        // "bearer, bearer, x": the first marker's token is "bearer", which differs from x.
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal("protocol:bearer",
                rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, bearer, x\"}")));
    }

    @Test
    void theFirstSourceInOrderWinsWhenEverySourceCarriesTheSameToken() {
        AuthorizerRequest request = rest("\"headers\":{\"Authorization\":\"Bearer x\",\"Cookie\":\"access_token=x\"},"
                + "\"queryStringParameters\":{\"token\":\"x\"}");
        TokenSources.Found fromHeader = find("header:Authorization,cookie:access_token,query:token", request);
        assertEquals("Bearer x", fromHeader.value());
        assertEquals("header:Authorization", fromHeader.source().toString());
        TokenSources.Found fromCookie = find("cookie:access_token,query:token,header:Authorization", request);
        assertEquals("x", fromCookie.value());
        assertEquals("cookie:access_token", fromCookie.source().toString());
    }

    @Test
    void aBearerHeaderAndABareCookieWithTheSameJwtAreOneToken() {
        assertEquals("Bearer x", find("header:Authorization,cookie:access_token",
                rest("\"headers\":{\"Authorization\":\"Bearer x\",\"Cookie\":\"access_token=x\"}")).value());
        assertEquals("x", find("cookie:access_token,header:Authorization",
                rest("\"headers\":{\"Authorization\":\"bearer x\",\"Cookie\":\"access_token=x\"}")).value());
    }

    @Test
    void differentTokensAnywhereAreAmbiguous() {
        String all = "header:Authorization,cookie:access_token,query:token,protocol:bearer";
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                rest("\"headers\":{\"Authorization\":\"Bearer x\",\"Cookie\":\"access_token=y\"}")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                rest("\"headers\":{\"Authorization\":\"Bearer x\"},\"queryStringParameters\":{\"token\":\"y\"}")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                rest("\"queryStringParameters\":{\"token\":\"x\"},\"multiValueQueryStringParameters\":{\"token\":[\"y\",\"x\"]}")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                rest("\"headers\":{\"Cookie\":\"access_token=x; access_token=y\"}")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                v2("\"headers\":{\"authorization\":\"x\"},\"cookies\":[\"access_token=y\"]")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                v2("\"cookies\":[\"access_token=x\",\"access_token=y\"]")));
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                rest("\"headers\":{\"Authorization\":\"Bearer x\",\"Sec-WebSocket-Protocol\":\"bearer, y\"}")));
        // A scheme other than Bearer is not stripped, so "Basic x" differs from "x".
        assertEquals(Reason.AMBIGUOUS_TOKEN, refusal(all,
                rest("\"headers\":{\"Authorization\":\"Basic x\",\"Cookie\":\"access_token=x\"}")));
    }

    @Test
    void theSameTokenTwiceInOneSourceIsFine() {
        assertEquals("x", find("cookie:access_token", rest("\"headers\":{\"Cookie\":\"access_token=x; access_token=x\"}")).value());
        assertEquals("x", find("query:token",
                rest("\"multiValueQueryStringParameters\":{\"token\":[\"x\",\"x\"]}")).value());
    }

    @Test
    void noTokenInAnyConfiguredSourceIsMissing() {
        assertEquals(Reason.MISSING_TOKEN, refusal("header:Authorization", rest("")));
        assertEquals(Reason.MISSING_TOKEN, refusal("header:Authorization,cookie:access_token",
                rest("\"headers\":{\"Authorization\":\"\",\"Cookie\":\"access_token=; other=x\"}")));
        assertEquals(Reason.MISSING_TOKEN, refusal("cookie:access_token", rest("\"headers\":{\"Cookie\":\"access_token=\\\"\\\"\"}")));
    }

    @Test
    void sourcesThatAreNotConfiguredAreNeverRead() {
        AuthorizerRequest request = rest("\"headers\":{\"Authorization\":\"Bearer x\",\"Cookie\":\"access_token=y\"},"
                + "\"queryStringParameters\":{\"token\":\"z\"}");
        assertEquals("Bearer x", find("header:Authorization", request).value());
        assertEquals("y", find("cookie:access_token", request).value());
        assertEquals(Reason.MISSING_TOKEN, refusal("header:X-Token,cookie:session,query:jwt", request));
    }

    @Test
    void aTokenEventUsesItsIdentityValueWhateverTheSources() {
        TokenSources.Found found = find("cookie:access_token", AuthorizerRequest.token("Bearer x", ARN));
        assertEquals("Bearer x", found.value());
        assertNull(found.source());
        assertEquals(Reason.MISSING_TOKEN, refusal("header:Authorization", AuthorizerRequest.token(null, ARN)));
        assertEquals(Reason.MISSING_TOKEN, refusal("header:Authorization", AuthorizerRequest.token("", ARN)));
    }
}
