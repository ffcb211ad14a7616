package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API Gateway caches an HTTP API authorizer's answer under the event's identity source values, so
 * an answer is only given for a credential those values hold: otherwise the same values without the
 * credential would be let in from the cache.
 */
class IdentitySourceTest {
    private static final Authorizer AUTHORIZER = authorizer();
    private static final String TOKEN = Tokens.rs256(TestKeys.RSA, "rsa-1");
    private static final String ROUTE_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/GET/books";

    private static Authorizer authorizer() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_TOKEN_SOURCES", "header:Authorization,cookie:access_token,query:access_token");
        return Authorizer.fromEnvironment(env);
    }

    private static Map<String, Object> v2(Object identitySource, Map<String, Object> headers, List<String> cookies,
                                          Map<String, Object> query) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", ROUTE_ARN);
        if (identitySource != null) {
            event.put("identitySource", identitySource);
        }
        event.put("routeKey", "GET /books");
        event.put("headers", headers);
        if (cookies != null) {
            event.put("cookies", cookies);
        }
        if (query != null) {
            event.put("queryStringParameters", query);
        }
        return event;
    }

    private static Reason reason(Object identitySource) {
        Map<String, Object> headers = Map.of("authorization", "Bearer " + TOKEN, "x-api-key", "let-me-in");
        return AUTHORIZER.authorize(v2(identitySource, headers, null, null)).reason();
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Test
    void aTokenOutsideTheCacheKeyIsRefused() {
        assertEquals(Reason.CREDENTIAL_NOT_IN_IDENTITY_SOURCE, reason(list("let-me-in", "GET /books")));
        assertEquals(Reason.CREDENTIAL_NOT_IN_IDENTITY_SOURCE, reason(list("GET /books")));
        // A value of another type holds nothing; half the token is not the token.
        assertEquals(Reason.CREDENTIAL_NOT_IN_IDENTITY_SOURCE, reason(list(42, null, "Bearer " + TOKEN.substring(0, 40))));
        // Payload 1.0 joins the values with commas.
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("version", "1.0");
        v1.put("type", "REQUEST");
        v1.put("methodArn", "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/GET/books");
        v1.put("identitySource", "let-me-in,GET /books");
        v1.put("headers", Map.of("authorization", "Bearer " + TOKEN, "x-api-key", "let-me-in"));
        assertEquals(Reason.CREDENTIAL_NOT_IN_IDENTITY_SOURCE, AUTHORIZER.authorize(v1).reason());
        v1.put("identitySource", "Bearer " + TOKEN + ",GET /books");
        assertEquals(Reason.ROUTE_ALLOWED, AUTHORIZER.authorize(v1).reason());
    }

    @Test
    void aTokenInTheCacheKeyIsAnsweredAsUsual() {
        assertEquals(Reason.ROUTE_ALLOWED, reason(list("Bearer " + TOKEN, "GET /books")));
        assertEquals(Reason.ROUTE_ALLOWED, reason(list("GET /books", "Bearer " + TOKEN)));
        // No identity source (caching off) names no cache key to hold it.
        assertEquals(Reason.ROUTE_ALLOWED, reason(null));
        assertEquals(Reason.ROUTE_ALLOWED, reason(list()));
    }

    @Test
    void aCookieOrQueryTokenIsHeldByItsHeaderOrParameter() {
        Decision cookie = AUTHORIZER.authorize(v2(list("theme=dark; access_token=" + TOKEN), Map.of(),
                List.of("theme=dark", "access_token=" + TOKEN), null));
        assertEquals(Reason.ROUTE_ALLOWED, cookie.reason());
        Decision query = AUTHORIZER.authorize(v2(list(TOKEN), Map.of(), null, Map.of("access_token", TOKEN)));
        assertEquals(Reason.ROUTE_ALLOWED, query.reason());
        // The same token in the header (read first) and the cookie, the cache keyed on the cookie: it holds the token.
        Decision both = AUTHORIZER.authorize(v2(list("access_token=" + TOKEN), Map.of("authorization", "Bearer " + TOKEN),
                List.of("access_token=" + TOKEN), null));
        assertEquals(Reason.ROUTE_ALLOWED, both.reason());
        Decision keyedElsewhere = AUTHORIZER.authorize(v2(list("theme=dark"), Map.of(), null, Map.of("access_token", TOKEN)));
        assertEquals(Reason.CREDENTIAL_NOT_IN_IDENTITY_SOURCE, keyedElsewhere.reason());
    }
}
