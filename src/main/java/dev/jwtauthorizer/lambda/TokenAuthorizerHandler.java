package dev.jwtauthorizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Decision;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda entry point for a REST API TOKEN authorizer:
 * {@code dev.jwtauthorizer.lambda.TokenAuthorizerHandler::handleRequest}.
 *
 * <p>Lambda creates one instance per container and reuses it, so the authorizer (configuration,
 * cached keys) is built once, in the constructor, during initialisation; a wrong setting fails the
 * initialisation with the variable's name.
 *
 * <p>With SnapStart, the instance built by Lambda registers for the checkpoint: it primes the
 * request path before the snapshot and refetches a remote key set after each restore.
 */
public final class TokenAuthorizerHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, Map<String, Object>>, Resource {
    private final Authorizer authorizer;

    public TokenAuthorizerHandler() {
        this(Authorizer.fromEnvironment(System.getenv()));
        Core.getGlobalContext().register(this);
    }

    public TokenAuthorizerHandler(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        authorizer.prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        authorizer.afterRestore();
    }

    /**
     * @return the policy for an Allow or a 403
     * @throws UnauthorizedException      for a 401
     * @throws AuthorizerFailureException for a 500
     */
    @Override
    public Map<String, Object> handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        Decision decision = event == null
                ? authorizer.authorize(null, null)
                : authorizer.authorize(event.getAuthorizationToken(), event.getMethodArn());
        return switch (decision.outcome()) {
            case ALLOW, DENY -> decision.response().toMap();
            case UNAUTHORIZED -> throw new UnauthorizedException();
            case ERROR -> throw new AuthorizerFailureException(decision.reason());
        };
    }
}
