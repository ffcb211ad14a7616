package dev.jwtauthorizer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.NimbusTokens;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attacks on where a REQUEST event carries its token (JWT_TOKEN_SOURCES), against the real handler
 * with events read by the Lambda runtime's own serializer: a second, forged or planted credential
 * beside the genuine one, a credential where none is configured, oversized and control-laden values,
 * and ARNs of one kind's shape in another kind's event. None may be an Allow; each refusal names its
 * reason in the decision log, and no log line holds a token.
 */
class TokenSourceAttackTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REST_ARN = Tokens.METHOD_ARN;
    private static final String FORBIDDEN_ROUTE_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/DELETE/books/42";
    private static final String WEBSOCKET_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect";
    /** Every valid token may read books; nothing else. */
    private static final String RULES = "[{\"allow\":[\"GET /books/*\"]}]";

    private static final String GENUINE = Tokens.rs256(TestKeys.RSA, "rsa-1");
    /** The same claims and kid, signed by a key the issuer never published. */
    private static final String FORGED = NimbusTokens.token(NimbusTokens.rsa("rsa-1"));

    private static final Map<String, AuthorizerHandler> HANDLERS = new HashMap<>();

    /** What API Gateway would make of one call: the status, the decision log's reason, the answer's JSON. */
    private record Call(String status, Reason reason, String answer) {
    }

    private static AuthorizerHandler handler(String sources, String httpApiResponse) {
        return HANDLERS.computeIfAbsent(sources + "|" + httpApiResponse, key -> {
            Map<String, String> env = TestEnv.rsa();
            env.put("JWT_TOKEN_SOURCES", sources);
            env.put("JWT_HTTP_API_RESPONSE", httpApiResponse);
            env.put("JWT_RULES", RULES);
            return LogCapture.discard(() -> new AuthorizerHandler(Authorizer.fromEnvironment(env)));
        });
    }

    private static Call call(String sources, String eventJson) {
        return call(sources, "simple", eventJson);
    }

    private static Call call(String sources, String httpApiResponse, String eventJson) {
        AuthorizerHandler handler = handler(sources, httpApiResponse);
        Map<String, Object> event = Events.fromJson(eventJson);
        String[] status = new String[2];
        String log = LogCapture.capture(() -> {
            try {
                Map<String, Object> answer = handler.handleRequest(event, null);
                status[1] = Events.toJson(answer);
                status[0] = allows(answer, requestArn(event)) ? "Allow" : "403";
            } catch (UnauthorizedException e) {
                status[0] = e.getMessage().equals("Unauthorized") ? "401" : "threw " + e;
            } catch (AuthorizerFailureException e) {
                status[0] = "500";
            } catch (RuntimeException e) {
                status[0] = "threw " + e.getClass().getName();
            }
        });
        assertFalse(log.contains(GENUINE.substring(GENUINE.lastIndexOf('.'))), "a signature reached the log: " + log);
        assertFalse(log.contains(FORGED.substring(0, FORGED.indexOf('.'))), "a token reached the log: " + log);
        return new Call(status[0], decisionReason(log), status[1]);
    }

    /** The ARN API Gateway checks the answer's policy against: a 2.0 event's routeArn, else the methodArn. */
    private static String requestArn(Map<String, Object> event) {
        return (String) ("2.0".equals(event.get("version")) && event.containsKey("routeArn") ? event.get("routeArn")
                : event.get("methodArn"));
    }

    /** Whether API Gateway would let the request through: isAuthorized, or an Allow matching its ARN and no Deny. */
    @SuppressWarnings("unchecked")
    private static boolean allows(Map<String, Object> answer, String requestArn) {
        if (answer.containsKey("isAuthorized")) {
            return Boolean.TRUE.equals(answer.get("isAuthorized"));
        }
        boolean allowed = false;
        for (Map<String, Object> statement : (List<Map<String, Object>>) ((Map<String, Object>) answer.get("policyDocument"))
                .get("Statement")) {
            boolean matches = ((List<String>) statement.get("Resource")).stream().anyMatch(pattern -> ApiGateway.iamMatches(pattern, requestArn));
            if (matches && "Deny".equals(statement.get("Effect"))) {
                return false;
            }
            allowed |= matches && "Allow".equals(statement.get("Effect"));
        }
        return allowed;
    }


    /** The reason of the one decision line; every line must be one JSON object (no injected lines). */
    private static Reason decisionReason(String log) {
        Reason reason = null;
        for (String line : log.split("\n")) {
            JsonNode json;
            try {
                json = MAPPER.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("a log line is not one JSON object: " + line, e);
            }
            if ("decision".equals(json.path("event").asText())) {
                assertEquals(null, reason, "two decision lines");
                reason = Reason.valueOf(json.path("reason").asText());
            }
        }
        assertNotNull(reason, "no decision line in " + log);
        return reason;
    }

    private static void assertRefused(Reason expected, Call call) {
        String status = switch (expected.outcome()) {
            case ERROR -> "500";
            case DENY -> "403";
            case UNAUTHORIZED -> "401";
            case ALLOW -> throw new IllegalArgumentException("a refusal was expected");
        };
        assertEquals(status, call.status(), call.toString());
        assertEquals(expected, call.reason(), call.toString());
    }

    /** JSON string contents: quotes and backslashes escaped, control characters as \\u escapes. */
    private static String json(String text) {
        try {
            String quoted = MAPPER.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rest(String members) {
        return "{\"type\":\"REQUEST\",\"methodArn\":\"" + REST_ARN + "\"," + members + "}";
    }

    private static String httpApi(String routeArn, String members) {
        return "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"" + routeArn + "\",\"routeKey\":\"ANY /{proxy+}\","
                + members + "}";
    }

    private static String webSocket(String members) {
        return "{\"type\":\"REQUEST\",\"methodArn\":\"" + WEBSOCKET_ARN + "\"," + members + "}";
    }

    // --- controls: the genuine token alone goes through in every source, the forged one alone does not ---

    @Test
    void controlTheGenuineTokenAloneIsAllowedFromEverySourceAndTheForgedOneIsNot() {
        String all = "header:Authorization,cookie:access_token,query:token,protocol:bearer";
        assertEquals("Allow", call(all, rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\"}")).status());
        assertEquals("Allow", call(all, rest("\"headers\":{\"Cookie\":\"theme=dark; access_token=" + GENUINE + "\"}")).status());
        assertEquals("Allow", call(all, rest("\"queryStringParameters\":{\"token\":\"" + GENUINE + "\"}")).status());
        assertEquals("Allow", call(all, rest("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, " + GENUINE + "\"}")).status());
        assertEquals("Allow", call(all, httpApi(REST_ARN, "\"cookies\":[\"access_token=" + GENUINE + "\"]")).status());
        // The same token in several places is one token.
        assertEquals("Allow", call(all, rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\",\"Cookie\":\"access_token="
                + GENUINE + "\"},\"multiValueHeaders\":{\"Authorization\":[\"Bearer " + GENUINE + "\"]}")).status());
        assertRefused(Reason.BAD_SIGNATURE, call(all, rest("\"headers\":{\"Authorization\":\"Bearer " + FORGED + "\"}")));
    }

    // --- a second credential beside the genuine one ---

    @Test
    void aForgedTokenInMultiValueHeadersBesideTheGenuineHeaderIsAmbiguous() {
        String sources = "header:Authorization";
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\"},"
                + "\"multiValueHeaders\":{\"Authorization\":[\"Bearer " + FORGED + "\",\"Bearer " + GENUINE + "\"]}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"headers\":{\"Authorization\":\"Bearer " + FORGED + "\"},"
                + "\"multiValueHeaders\":{\"Authorization\":[\"Bearer " + GENUINE + "\"]}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\"},"
                + "\"multiValueHeaders\":{\"authorization\":[\"" + FORGED + "\"]}")));
    }

    @Test
    void theSameHeaderInTwoCasesWithDifferentTokensIsAmbiguous() {
        assertRefused(Reason.AMBIGUOUS_TOKEN, call("header:Authorization", rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE
                + "\",\"authorization\":\"Bearer " + FORGED + "\"}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call("header:Authorization", httpApi(REST_ARN, "\"headers\":{\"authorization\":\"Bearer "
                + GENUINE + "\",\"AUTHORIZATION\":\"Bearer " + FORGED + "\"}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call("header:X-Token", webSocket("\"headers\":{\"x-token\":\"" + FORGED
                + "\",\"X-Token\":\"" + GENUINE + "\"}")));
    }

    @Test
    void aPlantedSecondAccessTokenCookieIsAmbiguous() {
        String sources = "cookie:access_token";
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"headers\":{\"Cookie\":\"access_token=" + GENUINE
                + "; theme=dark; access_token=" + FORGED + "\"}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"multiValueHeaders\":{\"Cookie\":[\"access_token=" + FORGED
                + "\",\"access_token=" + GENUINE + "\"]}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, httpApi(REST_ARN, "\"cookies\":[\"access_token=" + GENUINE
                + "\",\"access_token=\\\"" + FORGED + "\\\"\"]")));
        // The cookies array and a Cookie header are both read: a token in each must agree.
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, httpApi(REST_ARN, "\"cookies\":[\"access_token=" + GENUINE
                + "\"],\"headers\":{\"cookie\":\"access_token=" + FORGED + "\"}")));
    }

    @Test
    void aCookieWhoseNameMerelyStartsLikeTheConfiguredOneIsNotRead() {
        // Not an ambiguity: access_token2 is another cookie, and the genuine token is the only access_token.
        assertEquals("Allow", call("cookie:access_token", rest("\"headers\":{\"Cookie\":\"access_token2=" + FORGED
                + "; access_token=" + GENUINE + "; xaccess_token=" + FORGED + "\"}")).status());
        assertRefused(Reason.BAD_SIGNATURE, call("cookie:access_token", rest("\"headers\":{\"Cookie\":\"access_token2=" + GENUINE
                + "; access_token=" + FORGED + "\"}")));
    }

    @Test
    void aQueryParameterCannotOverrideAHeader() {
        String sources = "header:Authorization,query:token";
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\"},"
                + "\"queryStringParameters\":{\"token\":\"" + FORGED + "\"}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call(sources, rest("\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\"},"
                + "\"queryStringParameters\":{\"token\":\"" + GENUINE + "\"},"
                + "\"multiValueQueryStringParameters\":{\"token\":[\"" + FORGED + "\",\"" + GENUINE + "\"]}")));
        assertRefused(Reason.AMBIGUOUS_TOKEN, call("query:token,header:Authorization", webSocket("\"headers\":{\"Authorization\":\""
                + GENUINE + "\"},\"queryStringParameters\":{\"token\":\"" + FORGED + "\"}")));
    }

    @Test
    void aSecondProtocolMarkerWithAnotherTokenIsAmbiguous() {
        assertRefused(Reason.AMBIGUOUS_TOKEN, call("protocol:bearer", webSocket("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, "
                + GENUINE + ", bearer, " + FORGED + "\"}")));
    }

    // --- a credential where none is configured ---

    @Test
    void aGenuineTokenInASourceThatIsNotConfiguredIsMissing() {
        String sources = "header:Authorization";
        assertRefused(Reason.MISSING_TOKEN, call(sources, rest("\"headers\":{\"Cookie\":\"access_token=" + GENUINE + "\"}")));
        assertRefused(Reason.MISSING_TOKEN, call(sources, rest("\"queryStringParameters\":{\"token\":\"" + GENUINE + "\"}")));
        assertRefused(Reason.MISSING_TOKEN, call(sources, webSocket("\"headers\":{\"Sec-WebSocket-Protocol\":\"bearer, "
                + GENUINE + "\"}")));
        assertRefused(Reason.MISSING_TOKEN, call(sources, httpApi(REST_ARN, "\"cookies\":[\"access_token=" + GENUINE + "\"],"
                + "\"headers\":{\"x-authorization\":\"Bearer " + GENUINE + "\",\"proxy-authorization\":\"Bearer " + GENUINE + "\"}")));
        // Query names are case-sensitive: Token is not token.
        assertRefused(Reason.MISSING_TOKEN, call("query:token", rest("\"queryStringParameters\":{\"Token\":\"" + GENUINE + "\"}")));
        // A payload 1.0 event's authorizationToken member is API Gateway's copy of the identity sources, not a source.
        assertRefused(Reason.MISSING_TOKEN, call("query:token", "{\"version\":\"1.0\",\"type\":\"REQUEST\",\"methodArn\":\""
                + REST_ARN + "\",\"authorizationToken\":\"Bearer " + GENUINE + "\",\"identitySource\":\"" + GENUINE + "\"}"));
    }

    // --- oversized and control-laden values ---

    @Test
    void aTooLongCookieValueIsRefusedBeforeAnyParsing() {
        // Not a JWT at all: a parse would say MALFORMED_TOKEN; the size check comes first.
        String huge = "!".repeat(9_000);
        assertRefused(Reason.TOKEN_TOO_LARGE, call("cookie:access_token", rest("\"headers\":{\"Cookie\":\"access_token=" + huge
                + "\"}")));
        assertRefused(Reason.TOKEN_TOO_LARGE, call("cookie:access_token", httpApi(REST_ARN, "\"cookies\":[\"access_token="
                + GENUINE + "x".repeat(9_000) + "\"]")));
        assertRefused(Reason.TOKEN_TOO_LARGE, call("query:token", webSocket("\"queryStringParameters\":{\"token\":\"" + huge + "\"}")));
    }

    @Test
    void controlCharactersInOrAroundATokenAreMalformed() {
        for (String bad : List.of(GENUINE + "\r\nX-Injected: 1", GENUINE + "\u0000", "\u0000" + GENUINE, GENUINE + "\n",
                GENUINE + "\u001f", GENUINE.replace('.', '\u2024'), GENUINE + "\u000b")) {
            String value = json(bad);
            assertRefused(Reason.MALFORMED_TOKEN, call("header:Authorization", rest("\"headers\":{\"Authorization\":\"Bearer "
                    + value + "\"}")));
            assertRefused(Reason.MALFORMED_TOKEN, call("cookie:access_token", rest("\"headers\":{\"Cookie\":\"access_token="
                    + value + "\"}")));
            assertRefused(Reason.MALFORMED_TOKEN, call("cookie:access_token", httpApi(REST_ARN, "\"cookies\":[\"access_token="
                    + value + "\"]")));
            assertRefused(Reason.MALFORMED_TOKEN, call("query:token", rest("\"queryStringParameters\":{\"token\":\"" + value + "\"}")));
            assertRefused(Reason.MALFORMED_TOKEN, call("protocol:bearer", webSocket("\"headers\":{\"Sec-WebSocket-Protocol\":"
                    + "\"bearer, " + value + "\"}")));
        }
    }

    // --- routes and ARNs ---

    @Test
    void anHttpApiSimpleResponseForAForbiddenRouteIsNotAuthorized() {
        Call simple = call("header:Authorization", httpApi(FORBIDDEN_ROUTE_ARN, "\"headers\":{\"authorization\":\"Bearer "
                + GENUINE + "\"}"));
        assertRefused(Reason.ROUTE_NOT_ALLOWED, simple);
        assertEquals("{\"isAuthorized\":false}", simple.answer());

        Call policy = call("header:Authorization", "policy", httpApi(FORBIDDEN_ROUTE_ARN, "\"headers\":{\"authorization\":\"Bearer "
                + GENUINE + "\"}"));
        assertRefused(Reason.ROUTE_NOT_ALLOWED, policy);
        assertFalse(policy.answer().contains(FORBIDDEN_ROUTE_ARN), policy.answer());
    }

    @Test
    void anArnOfAnotherKindsShapeNeverWidensWhatAGenuineTokenMayDo() {
        // A TOKEN event whose methodArn is a WebSocket connection: the REST rules do not grant it.
        assertRefused(Reason.ROUTE_NOT_ALLOWED, call("header:Authorization", "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
                + GENUINE + "\",\"methodArn\":\"" + WEBSOCKET_ARN + "\"}"));
        // A WebSocket connection with a genuine token: verb-and-path rules do not grant $connect.
        assertRefused(Reason.ROUTE_NOT_ALLOWED, call("query:token", webSocket("\"queryStringParameters\":{\"token\":\""
                + GENUINE + "\"}")));
        // Payload 2.0 is decided on its routeArn; a planted methodArn of an allowed route changes nothing.
        assertRefused(Reason.ROUTE_NOT_ALLOWED, call("header:Authorization", httpApi(FORBIDDEN_ROUTE_ARN, "\"methodArn\":\""
                + REST_ARN + "\",\"headers\":{\"authorization\":\"Bearer " + GENUINE + "\"}")));
        // A REST event is decided on its methodArn; a planted routeArn of an allowed route changes nothing.
        assertRefused(Reason.ROUTE_NOT_ALLOWED, call("header:Authorization", "{\"type\":\"REQUEST\",\"methodArn\":\""
                + FORBIDDEN_ROUTE_ARN + "\",\"routeArn\":\"" + REST_ARN + "\",\"headers\":{\"Authorization\":\"Bearer " + GENUINE + "\"}}"));
        // A payload 2.0 event that carries a methodArn instead of its routeArn is no event API Gateway sends.
        assertRefused(Reason.UNRECOGNISED_EVENT, call("header:Authorization", "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"methodArn\":\""
                + REST_ARN + "\",\"headers\":{\"authorization\":\"Bearer " + GENUINE + "\"}}"));
        // A WebSocket-shaped routeArn in a 2.0 event is refused the same way as any route the rules do not grant.
        assertRefused(Reason.ROUTE_NOT_ALLOWED, call("header:Authorization", httpApi(WEBSOCKET_ARN, "\"headers\":{\"authorization\":\"Bearer "
                + GENUINE + "\"}")));
    }
}
