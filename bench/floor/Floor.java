import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The floor under the cold start: the least a JVM program can do for one TOKEN event. It reads
 * the event and a one-key JWKS from files, verifies the RS256 signature with the JDK's own provider
 * and prints an Allow policy. No library, no JSON parser (fields are found by indexOf), no claim
 * checks, no lambdas or string concatenation: only what any JVM authorizer must load.
 * Usage: java Floor EVENT.json JWKS.json
 */
public final class Floor {
    public static void main(String[] args) throws Exception {
        String event = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        String jwks = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        String token = member(event, "authorizationToken");
        if (token.startsWith("Bearer ")) {
            token = token.substring(7);
        }
        String methodArn = member(event, "methodArn");
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        Base64.Decoder b64 = Base64.getUrlDecoder();
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode(member(jwks, "n"))), new BigInteger(1, b64.decode(member(jwks, "e")))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update(token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
        if (!rs256.verify(b64.decode(token.substring(dot2 + 1)))) {
            System.out.println("Unauthorized");
            System.exit(1);
        }
        String payload = new String(b64.decode(token.substring(dot1 + 1, dot2)), StandardCharsets.UTF_8);
        StringBuilder answer = new StringBuilder(256);
        answer.append("{\"principalId\":\"").append(member(payload, "sub"))
                .append("\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",")
                .append("\"Effect\":\"Allow\",\"Resource\":[\"").append(methodArn).append("\"]}]}}");
        System.out.println(answer);
    }

    /** The string value of the first member of that name (enough for the fixtures). */
    private static String member(String json, String name) {
        int at = json.indexOf(new StringBuilder(name.length() + 2).append('"').append(name).append('"').toString());
        int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
        return json.substring(start, json.indexOf('"', start));
    }
}
