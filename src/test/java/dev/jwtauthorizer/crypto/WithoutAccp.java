package dev.jwtauthorizer.crypto;

import static dev.jwtauthorizer.support.Tokens.METHOD_ARN;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.security.Signature;
import java.util.Map;

/**
 * Run by {@link WithoutAccpTest} in a JVM whose class path lacks ACCP, as a library user's on x86
 * has: installs the provider as the function does, then decides on genuine and forged tokens.
 * Prints one {@code name=value} line per fact; the log lines go to standard error.
 */
public final class WithoutAccp {
    private WithoutAccp() {
    }

    public static void main(String[] args) throws Exception {
        CorrettoCrypto.install();
        CorrettoCrypto.install();
        CorrettoCrypto.installInBackground();
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(
                TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.EC256, "p256")));
        env.put("JWT_ALGORITHMS", "RS256,ES256");
        Authorizer authorizer = Authorizer.fromEnvironment(env);
        authorizer.prime();
        System.out.println("active=" + CorrettoCrypto.isActive());
        System.out.println("rsaProvider=" + Signature.getInstance("SHA256withRSA").getProvider().getName());
        System.out.println("rs256=" + decide(authorizer, Tokens.claims().withKeyId("rsa").sign(Tokens.algorithm("RS256", TestKeys.RSA))));
        System.out.println("es256=" + decide(authorizer, Tokens.claims().withKeyId("p256").sign(Tokens.algorithm("ES256", TestKeys.EC256))));
        System.out.println("forged=" + decide(authorizer, Tokens.claims().withKeyId("rsa").sign(Tokens.algorithm("RS256", TestKeys.RSA_2))));
    }

    private static String decide(Authorizer authorizer, String token) {
        return authorizer.authorize("Bearer " + token, METHOD_ARN).reason().name();
    }
}
