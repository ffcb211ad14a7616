package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JWT_TOKEN_SOURCES and JWT_HTTP_API_RESPONSE: their defaults, and a wrong value stopping the start
 * with a message that names the variable, says what is wrong and what to write instead.
 */
class RequestSettingsTest {

    private static Map<String, String> with(String variable, String value) {
        Map<String, String> env = TestEnv.rsa();
        env.put(variable, value);
        return env;
    }

    private static String startFailure(Map<String, String> env) {
        ConfigException e = assertThrows(ConfigException.class, () -> LogCapture.discard(() -> Authorizer.fromEnvironment(env)));
        return e.getMessage();
    }

    @Test
    void defaultsKeepTodaysHeaderAndAnswerHttpApisSimply() {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(TestEnv.rsa());
        assertEquals("header:Authorization", config.tokenSources().toString());
        assertEquals(HttpApiResponse.SIMPLE, config.httpApiResponse());
    }

    @Test
    void blankValuesMeanTheDefault() {
        // SAM passes every declared parameter, empty when not set.
        Map<String, String> env = with("JWT_TOKEN_SOURCES", "  ");
        env.put("JWT_HTTP_API_RESPONSE", "");
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(env);
        assertEquals("header:Authorization", config.tokenSources().toString());
        assertEquals(HttpApiResponse.SIMPLE, config.httpApiResponse());
    }

    @Test
    void validValuesAreRead() {
        Map<String, String> env = with("JWT_TOKEN_SOURCES", " cookie:access_token, header:Authorization ,query:token,protocol:bearer ");
        env.put("JWT_HTTP_API_RESPONSE", " policy ");
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(env);
        assertEquals("cookie:access_token,header:Authorization,query:token,protocol:bearer", config.tokenSources().toString());
        assertEquals(HttpApiResponse.POLICY, config.httpApiResponse());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Authorization                             | is not of the form kind:name         | header:Authorization, cookie:access_token",
            "bearer:Authorization                      | unknown source kind \"bearer\"       | use header, cookie, query or protocol",
            "header:                                   | header source needs a name           | like header:Authorization",
            "header:Authorization,header:authorization | header:authorization is listed twice | list each place once",
            "header:Authorization,,cookie:a            | entry 2 of 3 is empty                | separate sources with single commas",
            "cookie:access token                       | is not a valid cookie name           | letters, digits and",
            "query:a&b                                 | is not a valid query name            | no spaces, control characters, &"})
    void aWrongTokenSourceListStopsTheStart(String value, String problem, String remedy) {
        String message = startFailure(with("JWT_TOKEN_SOURCES", value));
        assertTrue(message.startsWith("JWT_TOKEN_SOURCES: "), message);
        assertTrue(message.contains(problem), message);
        assertTrue(message.contains(remedy), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simpel", "SIMPLE", "iam", "true", "policy,simple"})
    void aWrongHttpApiResponseStopsTheStart(String value) {
        String message = startFailure(with("JWT_HTTP_API_RESPONSE", value));
        assertTrue(message.startsWith("JWT_HTTP_API_RESPONSE: \"" + value + "\" is neither simple nor policy"), message);
        assertTrue(message.contains("EnableSimpleResponses"), message);
    }
}
