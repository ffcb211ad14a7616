package dev.jwtauthorizer;

import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.policy.MethodArn;
import dev.jwtauthorizer.policy.PolicyBuilder;
import dev.jwtauthorizer.request.AuthorizerRequest;
import dev.jwtauthorizer.request.TokenSource;
import dev.jwtauthorizer.request.TokenSources;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * The cost of writing one decision line, in a fresh process: each call of DecisionLog.write timed
 * on its own, over distinct tokens, principals and routes (8 in 10 ALLOW, 1 DENY, 1 UNAUTHORIZED).
 * Prints, in microseconds: the first call (the line's own class loading included), the mean of the first 100 and
 * of the first 2000 calls, and the steady-state mean after 200,000 more. Standard error carries the
 * lines; bench/logline.sh sends it through a pipe, as Lambda's runtime does. With the argument
 * {@code accp}, the native crypto provider is installed first, as it is on Lambda after the first
 * answer or before a SnapStart snapshot.
 *
 * <p>It sits in the authorizer's package to reach DecisionLog, and compiles against the revision
 * before the issue 15 change as well as after: where the log package has an invocation to hold,
 * one is set once, as the handler does per invocation.
 */
public final class DecisionLineBench {
    private static final int FIRST = 2000;
    private static final int WARM = 200_000;
    private static final int STEADY = 50_000;
    private static final int POOL = 4096;

    public static void main(String[] args) throws Exception {
        // What a fresh Lambda instance has done before its first decision is logged: read its
        // configuration, loaded its keys, written its start lines, and verified a token (RS256 hashes
        // with SHA-256). Their class loading is not the line's cost.
        Authorizer.fromEnvironment(Map.of("JWT_ISSUER", "https://issuer.example.com", "JWT_AUDIENCE", "api",
                "JWT_ALGORITHMS", "HS256", "JWT_HMAC_SECRET", "bench-secret-bench-secret-bench-secret-0123"));
        MessageDigest.getInstance("SHA-256").digest(new byte[800]);
        if (args.length > 0 && args[0].equals("accp")) {
            // As on Lambda once the native crypto provider is installed (before a SnapStart snapshot,
            // or in the background after the first answer): SHA-256 runs natively.
            CorrettoCrypto.install();
        }
        enterInvocation();
        Random random = new Random(42);
        Decision[] decisions = new Decision[POOL];
        AuthorizerRequest[] requests = new AuthorizerRequest[POOL];
        TokenSources.Found[] found = new TokenSources.Found[POOL];
        TokenSource header = TokenSource.parse("header:Authorization");
        for (int i = 0; i < POOL; i++) {
            String arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/orders/" + i + "/items";
            String token = randomToken(random);
            requests[i] = AuthorizerRequest.token("Bearer " + token, arn);
            found[i] = new TokenSources.Found(token, header);
            if (i % 10 == 9) {
                decisions[i] = Decision.refused(Reason.BAD_SIGNATURE);
            } else {
                PolicyBuilder policy = PolicyBuilder.forRequest(MethodArn.parse(arn)).principalId("user-" + i + "@example.com");
                AuthorizerResponse response = (i % 10 == 8 ? policy.denyAllRoutes() : policy.allowAllRoutes()).build();
                decisions[i] = new Decision(i % 10 == 8 ? Reason.ROUTE_NOT_ALLOWED : Reason.ROUTE_ALLOWED, response, response.toMap());
            }
        }
        long[] first = new long[FIRST];
        for (int i = 0; i < FIRST; i++) {
            first[i] = timeOne(decisions, requests, found, i % POOL);
        }
        for (int i = 0; i < WARM; i++) {
            timeOne(decisions, requests, found, i % POOL);
        }
        long steady = 0;
        for (int i = 0; i < STEADY; i++) {
            steady += timeOne(decisions, requests, found, i % POOL);
        }
        System.out.printf("first %.1f first100 %.2f first2000 %.2f steady %.2f%n",
                first[0] / 1000.0, mean(first, 100), mean(first, FIRST), steady / (STEADY * 1000.0));
    }

    private static long timeOne(Decision[] decisions, AuthorizerRequest[] requests, TokenSources.Found[] found, int i) {
        long start = System.nanoTime();
        DecisionLog.write(decisions[i], requests[i], found[i], "RS256", "key-2024-01", start);
        return System.nanoTime() - start;
    }

    private static double mean(long[] nanos, int count) {
        return Arrays.stream(nanos, 0, count).sum() / (count * 1000.0);
    }

    /** A compact JWS's length and alphabet (about 800 characters for RS256 with a few claims). */
    private static String randomToken(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder(800);
        for (int part : new int[] {36, 400, 342}) {
            if (token.length() > 0) {
                token.append('.');
            }
            for (int i = 0; i < part; i++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return token.toString();
    }

    /** After issue 15: the invocation a Lambda handler would set, once; before it there was none to set. */
    private static void enterInvocation() throws ReflectiveOperationException {
        Class<?> invocation;
        try {
            invocation = Class.forName("dev.jwtauthorizer.log.Invocation");
        } catch (ClassNotFoundException before) {
            return;
        }
        Object current = invocation.getConstructor(String.class, String.class, String.class, Integer.class, String.class, boolean.class)
                .newInstance("c6af9ac6-7b61-11e6-9a41-93e812345678", "jwt-authorizer",
                        "arn:aws:lambda:eu-west-1:123456789012:function:jwt-authorizer:live", 1024,
                        "1-5759e988-bd862e3fe1be46a994272793", false);
        Class.forName("dev.jwtauthorizer.log.CurrentInvocation").getMethod("enter", invocation).invoke(null, current);
    }
}
