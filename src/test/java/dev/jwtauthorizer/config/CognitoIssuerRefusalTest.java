package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.TestEnv;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Cognito user pool's URL as a plain issuer would pass the pool's ID tokens as API tokens:
 * token_use and client_id are only checked with the pool setting, which the message names.
 */
class CognitoIssuerRefusalTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz",
            "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz/",
            "https://COGNITO-IDP.EU-WEST-1.AMAZONAWS.COM/eu-west-1_AbC123xyz",
            "https://other.example, https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz"})
    void aUserPoolUrlAsJwtIssuerStopsTheStart(String issuer) {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_ISSUER", issuer);
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
        assertEquals("JWT_ISSUER", e.variable());
        assertTrue(e.getMessage().contains("is the issuer of Cognito user pool eu-west-1_AbC123xyz; set "
                + "JWT_COGNITO_USER_POOL_ID=eu-west-1_AbC123xyz instead, so that token_use and client_id are checked"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123xyz",
            "https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123xyz/"})
    void aUserPoolUrlInAnIssuersEntryStopsTheStart(String issuer) {
        String entries = "[{\"issuer\":\"" + issuer + "\",\"audiences\":\"client\",\"jwksUri\":\"https://keys.example/jwks\"}]";
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS", entries)));
        assertEquals("JWT_ISSUERS", e.variable());
        assertTrue(e.getMessage().startsWith("JWT_ISSUERS: entry 1, \"issuer\" " + issuer), e.getMessage());
        assertTrue(e.getMessage().contains("is the issuer of Cognito user pool cn-north-1_AbC123xyz; set "
                + "\"cognitoUserPoolId\": \"cn-north-1_AbC123xyz\" instead"), e.getMessage());
    }
}
