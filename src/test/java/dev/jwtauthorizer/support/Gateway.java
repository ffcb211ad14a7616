package dev.jwtauthorizer.support;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import java.util.Map;

/** What API Gateway makes of the real handler's answer to a bearer token for {@link Tokens#METHOD_ARN}. */
public final class Gateway {
    private Gateway() {
    }

    /** "Allow", "403", "401" or "500". */
    public static String answer(Authorizer authorizer, String token) {
        Map<String, Object> event = Events.token("Bearer " + token, Tokens.METHOD_ARN);
        try {
            Map<String, Object> policy = new TokenAuthorizerHandler(authorizer).handleRequest(event, null);
            return policy.toString().contains("Effect=Allow") ? "Allow" : "403";
        } catch (UnauthorizedException e) {
            return "401";
        } catch (AuthorizerFailureException e) {
            return "500";
        }
    }
}
