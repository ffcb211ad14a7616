package dev.jwtauthorizer.lambda;

import dev.jwtauthorizer.Authorizer;

/**
 * The entry point's earlier name, kept so that functions configured with
 * {@code dev.jwtauthorizer.lambda.TokenAuthorizerHandler::handleRequest} keep working. It is
 * {@link AuthorizerHandler} and answers every kind of event.
 */
public final class TokenAuthorizerHandler extends AuthorizerHandler {
    public TokenAuthorizerHandler() {
        super();
    }

    public TokenAuthorizerHandler(Authorizer authorizer) {
        super(authorizer);
    }
}
