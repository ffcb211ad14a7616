package dev.jwtauthorizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
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
 * request path (and installs the fast crypto provider) before the snapshot and refetches a remote
 * key set after each restore. Without it, the provider is installed after the first answer.
 */
public final class TokenAuthorizerHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, Map<String, Object>>, Resource {
    private final Authorizer authorizer;
    private final boolean installCryptoAfterFirstAnswer;

    public TokenAuthorizerHandler() {
        this(Authorizer.fromEnvironment(System.getenv()), true);
        Core.getGlobalContext().register(this);
    }

    public TokenAuthorizerHandler(Authorizer authorizer) {
        this(authorizer, false);
    }

    /** @param installCryptoAfterFirstAnswer start installing the fast crypto provider once an answer is out */
    private TokenAuthorizerHandler(Authorizer authorizer, boolean installCryptoAfterFirstAnswer) {
        this.authorizer = authorizer;
        this.installCryptoAfterFirstAnswer = installCryptoAfterFirstAnswer;
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
        if (installCryptoAfterFirstAnswer) {
            // Without SnapStart: 300 ms of installation on a background thread, after this decision.
            CorrettoCrypto.installInBackground();
        }
        return switch (decision.outcome()) {
            case ALLOW, DENY -> decision.response().toMap();
            case UNAUTHORIZED -> throw new UnauthorizedException();
            case ERROR -> throw new AuthorizerFailureException(decision.reason());
        };
    }
}
