package dev.jwtauthorizer.bench;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Outcome;
import dev.jwtauthorizer.keys.JwkExport;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.token.JwsSigner;
import java.io.FileOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm request path on distinct tokens, against its floor in the same run.
 *
 * <p>{@code decision}: one whole decision as the handler asks for it (strict JSON reading, key
 * lookup, signature, claims, policy, the decision log line written to /dev/null with a real write).
 * {@code signatureOnly}: the bare JCA check of the same tokens' signatures, on prepared bytes,
 * with the same provider: what no authorizer can go below. Each invocation takes the next of 4096
 * tokens with distinct subjects, so nothing can be served from a cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmPathBenchmark {
    private static final int TOKENS = 4096;
    private static final String ISSUER = "https://issuer.bench.example";
    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/1";

    @Param({"RS256", "ES256", "HS256"})
    public String alg;

    /** jdk: the JDK's own providers; accp: Amazon Corretto Crypto Provider installed first. */
    @Param({"jdk", "accp"})
    public String provider;

    private Authorizer authorizer;
    private final String[] authorizationHeaders = new String[TOKENS];
    private final byte[][] signingInputs = new byte[TOKENS][];
    private final byte[][] signatures = new byte[TOKENS][];
    private String jcaName;
    private PublicKey publicKey;
    private SecretKeySpec secretKey;
    private int next;

    @Setup
    public void setUp() throws GeneralSecurityException, IOException {
        if (provider.equals("accp")) {
            CorrettoCrypto.install();
            if (!CorrettoCrypto.isActive()) {
                throw new IllegalStateException("ACCP did not install on this machine");
            }
        }
        // The decision log line is formatted and written, as on Lambda, but to /dev/null: the log
        // writes standard error's descriptor itself, which JMH pipes to its own process, whose copying
        // (hundreds of MB) would compete with the benchmark for the CPU.
        JsonLog.writeTo(new FileOutputStream("/dev/null"));
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", ISSUER);
        env.put("JWT_AUDIENCE", "bench-api");
        env.put("JWT_ALGORITHMS", alg);
        env.put("JWT_CONTEXT_CLAIMS", "sub,scope");
        Algorithm signer;
        String kid = null;
        switch (alg) {
            case "RS256" -> {
                KeyPair pair = generate("RSA", null);
                signer = Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
                publicKey = pair.getPublic();
                jcaName = "SHA256withRSA";
                kid = "rsa";
                env.put("JWT_JWKS", JwkExport.keySet(JwkExport.publicJwk(publicKey, kid, alg)));
            }
            case "ES256" -> {
                KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"));
                signer = Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
                publicKey = pair.getPublic();
                jcaName = "SHA256withECDSA";
                kid = "ec";
                env.put("JWT_JWKS", JwkExport.keySet(JwkExport.publicJwk(publicKey, kid, alg)));
            }
            default -> {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                signer = Algorithm.HMAC256(secret);
                secretKey = new SecretKeySpec(secret, "HmacSHA256");
                jcaName = "HmacSHA256";
                env.put("JWT_HMAC_SECRET", "base64:" + Base64.getEncoder().encodeToString(secret));
            }
        }
        authorizer = Authorizer.create(AuthorizerConfig.fromEnvironment(env), Clock.systemUTC());
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < TOKENS; i++) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("aud", "bench-api");
            claims.put("sub", "user-" + i);
            claims.put("scope", "books:read");
            claims.put("iat", now);
            claims.put("exp", now + 86_400);
            String token = JwsSigner.sign(signer, kid, claims);
            authorizationHeaders[i] = "Bearer " + token;
            int lastDot = token.lastIndexOf('.');
            signingInputs[i] = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
            byte[] jose = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
            signatures[i] = alg.equals("ES256") ? derOf(jose) : jose;
            Decision decision = authorizer.authorize(authorizationHeaders[i], METHOD_ARN);
            if (decision.outcome() != Outcome.ALLOW) {
                throw new IllegalStateException("a benchmark token was not allowed: " + decision.reason());
            }
        }
    }

    @Benchmark
    public Decision decision() {
        return authorizer.authorize(authorizationHeaders[next++ & (TOKENS - 1)], METHOD_ARN);
    }

    @Benchmark
    public boolean signatureOnly() throws GeneralSecurityException {
        int i = next++ & (TOKENS - 1);
        if (secretKey != null) {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(secretKey);
            return MessageDigest.isEqual(mac.doFinal(signingInputs[i]), signatures[i]);
        }
        Signature signature = Signature.getInstance(jcaName);
        signature.initVerify(publicKey);
        signature.update(signingInputs[i]);
        return signature.verify(signatures[i]);
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /** JOSE's r||s (RFC 7518 section 3.4) as the DER sequence JCA's ECDSA takes, done before timing. */
    private static byte[] derOf(byte[] jose) {
        int half = jose.length / 2;
        byte[] r = integer(Arrays.copyOfRange(jose, 0, half));
        byte[] s = integer(Arrays.copyOfRange(jose, half, jose.length));
        byte[] der = new byte[2 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, der, 2, r.length);
        System.arraycopy(s, 0, der, 2 + r.length, s.length);
        return der;
    }

    private static byte[] integer(byte[] unsigned) {
        byte[] value = new BigInteger(1, unsigned).toByteArray();
        byte[] der = new byte[2 + value.length];
        der[0] = 0x02;
        der[1] = (byte) value.length;
        System.arraycopy(value, 0, der, 2, value.length);
        return der;
    }
}
