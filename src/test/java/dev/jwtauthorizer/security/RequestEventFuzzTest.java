package dev.jwtauthorizer.security;

import static dev.jwtauthorizer.security.FuzzedRequestEvent.COOKIE;
import static dev.jwtauthorizer.security.FuzzedRequestEvent.MARKER;
import static dev.jwtauthorizer.security.FuzzedRequestEvent.QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.security.FuzzedRequestEvent.Kind;
import dev.jwtauthorizer.security.FuzzedRequestEvent.Spread;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of where REQUEST-kind events carry the token (REST REQUEST, HTTP API
 * payload 1.0 and 2.0, WebSocket $connect), through the real handler. The fuzzer chooses the kind,
 * the route, and a run of placements: Authorization headers under case variants with read and
 * unread schemes, Cookie headers and 2.0 cookies entries of pairs, query parameters, Sec-WebSocket-
 * Protocol lists, look-alike and "x-" names, members no source reads, single- and multi-value maps,
 * and free text. Each placement puts a genuine token, a second principal's genuine token, or a
 * value that is none (forged, tampered, expired, unsigned, encoded, garbage).
 *
 * <p>The oracle works from the harness's account of what it placed ({@link FuzzedRequestEvent}),
 * never from the event: the answer is an Allow, a 403 or a 401, never a 500 or another exception;
 * exactly one genuine token read and nothing else gives that principal's Allow or 403 as the rules
 * say; a second token, a different one or none gives a 401; with free text in a configured place,
 * an Allow or 403 names the principal of the one genuine token placed. The answer has its kind's
 * shape, and no token segment reaches the log.
 *
 * <p>{@code mvn verify} replays the kept inputs under {@code src/test/resources/.../RequestEventFuzzTestInputs}
 * (named for what each one exercises); a fuzzing run is described in SECURITY.md.
 */
class RequestEventFuzzTest {
    private static final String RULES = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books/*\",\"$connect\"]},"
            + "{\"claim\":\"scope\",\"value\":\"books:write\",\"allow\":[\"POST /books/*\"]}]";
    // Built once per JVM, as Lambda builds the handler once per container; one per JWT_HTTP_API_RESPONSE.
    private static final AuthorizerHandler SIMPLE = handler("simple");
    private static final AuthorizerHandler POLICY = handler("policy");

    private static final String[] ROUTES = {"GET /books/42", "POST /books/42", "DELETE /books/42"};
    private static final String[] LOOK_ALIKE_HEADERS = {"Authorisation", "X-Authorization", "Proxy-Authorization",
        "Authorization2", "Authorizat\u0131on", "AUTHOR\u0130ZATION", "Coo\u212Aie", "Cookies", "Set-Cookie",
        "\u017Fec-WebSocket-Protocol", "Sec-WebSocket-Protocols", "Sec-WebSocket-Extensions"};
    private static final String[] OTHER_COOKIES = {"Access_token", "ACCESS_TOKEN", "access-token", "access_token2",
        "xaccess_token", "acce\u017Fs_token", "session", "theme"};
    private static final String[] OTHER_QUERIES = {"Access_token", "ACCESS_TOKEN", "access-token", "accessToken",
        "access_token[]", "access%5Ftoken", "token", "acce\u017Fs_token"};
    private static final String[] OTHER_PROTOCOLS = {"Bearer", "BEARER", "bearers", "x-bearer", "chat", "graphql-ws", "v1.stomp"};

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"access_token", "access_token=", "bearer", "Bearer ", "authorization", "cookie", "sec-websocket-protocol",
        "; ", ",", "=", "\"", "eyJ", "%20", "\\u0000", "\\r\\n"})
    void onlyOneGenuineTokenInTheConfiguredSourcesIsEverAllowed(FuzzedDataProvider data) {
        answerChecked(fuzzedEvent(data));
    }

    @Test
    void theInvariantHoldsForAGenuineTokenAloneAndCatchesASecondOne() {
        FuzzedRequestEvent alone = new FuzzedRequestEvent(Kind.REST_REQUEST, false, "GET /books/42")
                .cookieHeader(0, List.of(CookiePair.of("theme", Credential.FORGED), CookiePair.of(COOKIE, Credential.ALICE)), "; ")
                .otherHeader("Proxy-Authorization", "Bearer " + Credential.MALLORY.compact());
        assertEquals("Allow", answerChecked(alone));
        assertEquals("403", answerChecked(new FuzzedRequestEvent(Kind.HTTP_API_V2, true, "DELETE /books/42").query(QUERY, Credential.ALICE)));
        assertEquals("Allow", answerChecked(new FuzzedRequestEvent(Kind.WEBSOCKET, false, null).protocol(0, List.of(MARKER, Credential.ALICE), ", ")));

        FuzzedRequestEvent forgedBeside = new FuzzedRequestEvent(Kind.HTTP_API_V2, true, "GET /books/42")
                .authorization(0, "Bearer ", Credential.ALICE).cookiesEntry(CookiePair.of(COOKIE, Credential.FORGED));
        assertEquals("401", answerChecked(forgedBeside));
        assertEquals("401", answerChecked(new FuzzedRequestEvent(Kind.HTTP_API_V1, false, "GET /books/42")
                .authorization(0, "", Credential.ALICE).query(QUERY, Credential.MALLORY)));

        // Were the authorizer to answer these, the oracle would fail the run.
        assertThrows(AssertionError.class, () -> check(forgedBeside, new Outcome("Allow", "alice", "")));
        assertThrows(AssertionError.class, () -> check(alone, new Outcome("401", null, "")));
        assertThrows(AssertionError.class, () -> check(alone, new Outcome("Allow", "mallory", "")));
        assertThrows(AssertionError.class, () -> check(alone, new Outcome("Allow", "alice", "{\"kid\":\"" + Credential.ALICE.compact() + "\"}")));
    }

    private static FuzzedRequestEvent fuzzedEvent(FuzzedDataProvider data) {
        FuzzedRequestEvent request = new FuzzedRequestEvent(data.pickValue(Kind.values()), data.consumeBoolean(), data.pickValue(ROUTES));
        int placements = data.consumeInt(0, 8);
        for (int i = 0; i < placements && data.remainingBytes() > 0; i++) {
            request.spread(data.pickValue(Spread.values()));
            switch (data.consumeInt(0, 9)) {
                case 0, 1 -> request.authorization(data.consumeInt(), data.pickValue(FuzzedRequestEvent.SCHEMES), credential(data));
                case 2 -> {
                    List<CookiePair> pairs = new ArrayList<>();
                    for (int n = data.consumeInt(1, 4); n > 0; n--) {
                        pairs.add(cookiePair(data));
                    }
                    request.cookieHeader(data.consumeInt(), pairs, data.pickValue(new String[] {"; ", ";"}));
                }
                case 3 -> request.cookiesEntry(cookiePair(data));
                case 4 -> request.query(data.consumeBoolean() ? QUERY : data.pickValue(OTHER_QUERIES), credential(data));
                case 5 -> {
                    List<Object> entries = new ArrayList<>();
                    for (int n = data.consumeInt(1, 4); n > 0; n--) {
                        int which = data.consumeInt(0, 2);
                        entries.add(which == 0 ? MARKER : which == 1 ? credential(data) : data.pickValue(OTHER_PROTOCOLS));
                    }
                    request.protocol(data.consumeInt(), entries, data.pickValue(new String[] {", ", ","}));
                }
                case 6 -> request.otherHeader(data.pickValue(LOOK_ALIKE_HEADERS), lookAlikeValue(data));
                case 7 -> {
                    if (data.consumeBoolean()) {
                        request.otherHeader("x-" + data.consumeString(12), data.consumeString(60));
                    } else {
                        request.otherQuery("x-" + data.consumeString(12), data.consumeString(60));
                    }
                }
                case 8 -> request.unreadMember(data.consumeInt(), credential(data));
                default -> request.freeText(data.consumeInt(), data.consumeString(200));
            }
        }
        return request;
    }

    private static Credential credential(FuzzedDataProvider data) {
        return data.pickValue(Credential.PICKS);
    }

    private static CookiePair cookiePair(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 4)) {
            case 0, 1 -> new CookiePair(COOKIE, credential(data), null, data.consumeBoolean(), false);
            case 2 -> new CookiePair(data.pickValue(OTHER_COOKIES), credential(data), null, data.consumeBoolean(), false);
            case 3 -> new CookiePair(data.pickValue(OTHER_COOKIES), null, data.consumeString(30).replaceAll("[;,]", ""), false, false);
            default -> data.consumeBoolean() ? new CookiePair(COOKIE, null, "", data.consumeBoolean(), false)
                    : new CookiePair("", credential(data), null, false, true);
        };
    }

    /** What a look-alike header carries: a credential in the form the real one would read, or anything. */
    private static String lookAlikeValue(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 4)) {
            case 0 -> "Bearer " + credential(data).compact();
            case 1 -> credential(data).compact();
            case 2 -> COOKIE + "=" + credential(data).compact();
            case 3 -> MARKER + ", " + credential(data).compact();
            default -> data.consumeString(100);
        };
    }

    /**
     * What API Gateway makes of one call.
     *
     * @param principal the verified principal where the answer names it; null for a 401 or a simple 403
     */
    record Outcome(String status, String principal, String log) {
    }

    /** Calls the handler, checks the answer's shape and the invariant; "Allow", "403" or "401". */
    static String answerChecked(FuzzedRequestEvent request) {
        Outcome outcome = call(request);
        check(request, outcome);
        return outcome.status();
    }

    private static Outcome call(FuzzedRequestEvent request) {
        AuthorizerHandler handler = request.simpleResponses() ? SIMPLE : POLICY;
        Map<String, Object> event = request.event();
        Object[] answer = new Object[1];
        String log = LogCapture.capture(() -> {
            try {
                answer[0] = handler.handleRequest(event, null);
            } catch (UnauthorizedException e) {
                answer[0] = e;
            } catch (RuntimeException | Error e) {
                // A 500 (AuthorizerFailureException) or any other failure: never right here.
                answer[0] = new AssertionError(e + " for " + request, e);
            }
        });
        if (answer[0] instanceof AssertionError failure) {
            throw failure;
        }
        if (answer[0] instanceof UnauthorizedException e) {
            assertEquals("Unauthorized", e.getMessage(), "API Gateway answers 401 only for exactly this message");
            return new Outcome("401", null, log);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) answer[0];
        return request.answersSimply() ? simpleOutcome(map, log) : policyOutcome(request, map, log);
    }

    private static Outcome simpleOutcome(Map<String, Object> answer, String log) {
        if (Boolean.TRUE.equals(answer.get("isAuthorized"))) {
            assertEquals(Set.of("isAuthorized", "context"), answer.keySet());
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) answer.get("context");
            assertNotNull(context.get("principalId"), "an authorized simple response names its principal");
            return new Outcome("Allow", (String) context.get("principalId"), log);
        }
        assertEquals(Map.of("isAuthorized", false), answer, "a refused simple response carries nothing more");
        return new Outcome("403", null, log);
    }

    @SuppressWarnings("unchecked")
    private static Outcome policyOutcome(FuzzedRequestEvent request, Map<String, Object> answer, String log) {
        assertFalse(answer.containsKey("isAuthorized"), "a simple response where a policy is due: " + answer);
        String principal = (String) answer.get("principalId");
        Map<String, Object> policy = (Map<String, Object>) answer.get("policyDocument");
        assertEquals("2012-10-17", policy.get("Version"));
        boolean allowed = false;
        boolean denied = false;
        for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
            assertEquals("execute-api:Invoke", statement.get("Action"));
            boolean matches = ((List<String>) statement.get("Resource")).stream().anyMatch(pattern -> ApiGateway.iamMatches(pattern, request.arn()));
            allowed |= matches && "Allow".equals(statement.get("Effect"));
            denied |= matches && "Deny".equals(statement.get("Effect"));
        }
        // Usage plans exist only for REST APIs.
        assertEquals(request.kind() == Kind.REST_REQUEST ? Credential.plan(principal) : null, answer.get("usageIdentifierKey"));
        return new Outcome(allowed && !denied ? "Allow" : "403", principal, log);
    }

    /** The invariant, from the harness's account of what it placed. */
    static void check(FuzzedRequestEvent request, Outcome outcome) {
        String status = outcome.status();
        assertTrue(Set.of("Allow", "403", "401").contains(status), status + " for " + request);
        assertNoTokenLogged(outcome.log());
        Set<Credential> genuine = request.genuineRead();
        if (request.differentRead() || genuine.size() > 1) {
            assertEquals("401", status, "a second or a different credential beside the genuine one: " + request);
            return;
        }
        Credential only = genuine.isEmpty() ? null : genuine.iterator().next();
        if (!request.freeTextRead()) {
            String expected = only == null ? "401" : Credential.granted(only.subject(), request.route()) ? "Allow" : "403";
            assertEquals(expected, status, request.toString());
        } else if (status.equals("401")) {
            return;
        }
        // Free text may have held a genuine token (the fuzzer learns them from comparisons), never a third principal.
        Set<String> principals = only == null ? Set.of("alice", "mallory") : Set.of(only.subject());
        assertTrue(outcome.principal() == null || principals.contains(outcome.principal()), outcome.principal() + " for " + request);
        if (status.equals("Allow")) {
            assertNotNull(outcome.principal(), "an Allow names its principal");
            assertTrue(Credential.granted(outcome.principal(), request.route()), "Allow beyond the rules for " + request);
        }
    }

    /**
     * No header, payload or signature segment of any credential. (Jazzer writes its own notes to the
     * same stream, so the lines are not checked for shape here; TokenSourceAttackTest does that.)
     */
    private static void assertNoTokenLogged(String log) {
        assertFalse(log.contains("eyJ"), "a token segment reached the log");
        for (Credential credential : Credential.ALL) {
            String signature = credential.compact().substring(credential.compact().lastIndexOf('.') + 1);
            assertFalse(signature.length() > 16 && log.contains(signature), "a signature reached the log");
        }
    }


    private static AuthorizerHandler handler(String httpApiResponse) {
        return LogCapture.discard(() -> new AuthorizerHandler(Authorizer.fromEnvironment(Map.of(
                "JWT_ISSUER", Forger.ISSUER,
                "JWT_AUDIENCE", Forger.AUDIENCE,
                "JWT_ALGORITHMS", "HS256",
                "JWT_HMAC_SECRET", Forger.HMAC_SECRET,
                "JWT_RULES", RULES,
                "JWT_CONTEXT_CLAIMS", "scope",
                "JWT_USAGE_IDENTIFIER_CLAIM", "plan",
                "JWT_TOKEN_SOURCES", "header:Authorization,cookie:access_token,query:access_token,protocol:bearer",
                "JWT_HTTP_API_RESPONSE", httpApiResponse))));
    }
}
