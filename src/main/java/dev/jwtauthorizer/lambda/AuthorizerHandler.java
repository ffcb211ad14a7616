package dev.jwtauthorizer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.PrimingEntry;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.log.Invocation;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda entry point for every kind of API Gateway authorizer:
 * {@code dev.jwtauthorizer.lambda.AuthorizerHandler::handleRequest}. It recognises the event (REST
 * TOKEN or REQUEST, HTTP API payload 1.0 or 2.0, WebSocket $connect) and answers in that kind's
 * shape, so one function can stand in front of all of a team's APIs.
 *
 * <p>The event arrives as a plain map, as the Lambda runtime reads JSON: no event class knows
 * every kind, and a map loses nothing API Gateway sent. The answer is a map for the same reason the
 * policy keys must stay capitalised: the runtime writes a bean's {@code getVersion()} as "version".
 *
 * <p>Lambda creates one instance per container and reuses it, so the authorizer (configuration,
 * cached keys) is built once, in the constructor, during initialisation; a wrong setting fails the
 * initialisation with the variable's name.
 *
 * <p>With SnapStart, the instance built by Lambda registers for the checkpoint: it primes the
 * request path (and installs the fast crypto provider) before the snapshot and refetches remote
 * keys after each restore. Without it, the provider is installed after the first answer.
 *
 * <p>Each invocation's Context (request id, function name and ARN, memory) and X-Ray trace header
 * become an {@link Invocation} for the log lines; the core never sees the runtime's classes.
 */
public class AuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {
    /** The trace header of the current invocation, set by the Lambda Java runtime before each one. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACE_HEADER_VARIABLE = "_X_AMZN_TRACE_ID";

    private final Authorizer authorizer;
    private final boolean installCryptoAfterFirstAnswer;
    // Lambda makes one handler per process, so this instance's first call is the process's first
    // invocation; with SnapStart, priming drives the Authorizer, not this method, so the first call
    // after a restore is the first here too.
    private final AtomicBoolean firstInvocation = new AtomicBoolean(true);

    public AuthorizerHandler() {
        this(Authorizer.fromEnvironment(System.getenv()), true);
        Core.getGlobalContext().register(this);
    }

    public AuthorizerHandler(Authorizer authorizer) {
        this(authorizer, false);
    }

    /** @param installCryptoAfterFirstAnswer start installing the fast crypto provider once an answer is out */
    private AuthorizerHandler(Authorizer authorizer, boolean installCryptoAfterFirstAnswer) {
        this.authorizer = authorizer;
        this.installCryptoAfterFirstAnswer = installCryptoAfterFirstAnswer;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    /**
     * What SnapStart runs before its snapshot: the fast crypto provider installed, remote keys
     * refetched, and the request path primed through {@link #handleRequest} itself (on handlers of
     * its own, so this one's first invocation is still the cold start).
     */
    public void prime() {
        authorizer.prime(AuthorizerHandler::entryAround);
    }

    /** A handler's entry, as Lambda calls it, around another authorizer. */
    private static PrimingEntry entryAround(Authorizer authorizer) {
        AuthorizerHandler handler = new AuthorizerHandler(authorizer);
        return PrimingEntry.ofMaps(event -> handler.handleRequest(event, null));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        authorizer.afterRestore();
    }

    /**
     * @return the policy, or an HTTP API simple response, for an Allow or a 403
     * @throws UnauthorizedException      for a 401
     * @throws AuthorizerFailureException for a 500, an unrecognised event included
     */
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        boolean coldStart = firstInvocation.get() && firstInvocation.getAndSet(false);
        return handle(event, invocation(context, coldStart));
    }

    /**
     * {@link #handleRequest}'s work, for callers outside Lambda (the command line) that describe
     * the invocation themselves.
     */
    public Map<String, Object> handle(Map<String, Object> event, Invocation invocation) {
        Decision decision = authorizer.authorize(event, invocation);
        if (installCryptoAfterFirstAnswer) {
            // Without SnapStart: 300 ms of installation on a background thread, after this decision.
            CorrettoCrypto.installInBackground();
        }
        return switch (decision.outcome()) {
            case ALLOW, DENY -> decision.answer();
            case UNAUTHORIZED -> throw new UnauthorizedException();
            case ERROR -> throw new AuthorizerFailureException(decision.reason());
        };
    }

    /** What the log says about this invocation; the Context may be null (tests, other drivers). */
    static Invocation invocation(Context context, boolean coldStart) {
        String traceHeader = System.getProperty(TRACE_HEADER_PROPERTY);
        if (traceHeader == null) {
            traceHeader = System.getenv(TRACE_HEADER_VARIABLE);
        }
        String traceId = Invocation.traceRoot(traceHeader);
        if (context == null) {
            return new Invocation(null, null, null, null, traceId, coldStart);
        }
        int memory = context.getMemoryLimitInMB();
        return new Invocation(context.getAwsRequestId(), context.getFunctionName(), context.getInvokedFunctionArn(),
                memory > 0 ? memory : null, traceId, coldStart);
    }
}
