package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.NimbusTokens;
import dev.jwtauthorizer.support.Tokens;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a key set document becomes: which keys serve, which are skipped and why. Keys made by nimbus. */
class JwksParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RSAKey GOOD = rsa("good", 2048);
    private static final ECKey P256 = NimbusTokens.ec(Curve.P_256, "p256");
    private static final ECKey P384 = NimbusTokens.ec(Curve.P_384, "p384");

    /** Each key that must be skipped, by kid, with the words its log line must give. */
    private static final Map<String, Map<String, Object>> BAD = new LinkedHashMap<>();
    private static final Map<String, String> WHY = new HashMap<>();

    static {
        bad("p384-labelled-p256", "a P-256 coordinate has at most 32", with(P384, "crv", "P-256"));
        bad("off-the-curve", "not on curve P-256", with(P256, "y", plusOne(P256.getY())));
        bad("x-not-below-p", "not below the field size", with(P256, "x", Base64URL.encode(p("secp256r1")).toString()));
        bad("short-coordinate", "not on curve P-256", with(P256, "x", Base64URL.encode(Arrays.copyOf(P256.getX().decode(), 31)).toString()));
        bad("unknown-curve", "unsupported curve P-192", with(P256, "crv", "P-192"));
        bad("rsa-private", "private key material published", rsa("x", 2048).toJSONObject());
        bad("ec-private", "private key material published", P256.toJSONObject());
        bad("oct-secret", "private key material published", oct().toJSONObject());
        bad("rsa-1024", "shorter than 2048 bits", rsa("x", 1024).toPublicJWK().toJSONObject());
        bad("rsa-exponent-1", "exponent", with(GOOD, "e", "AQ"));
        bad("rsa-n-not-base64url", "\"n\" is not base64url", with(GOOD, "n", "***"));
        bad("okp", "unsupported key type OKP", Map.of("kty", "OKP", "crv", "Ed25519", "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
    }

    enum Provider { JDK, CORRETTO }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aKeyThatCannotBeImportedIsSkippedWithItsKidAndWhyWhateverTheProvider(Provider provider) throws Exception {
        if (provider == Provider.CORRETTO) {
            AmazonCorrettoCryptoProvider.install();
        }
        try {
            List<Object> jwks = new ArrayList<>(BAD.values());
            jwks.add(GOOD.toPublicJWK().toJSONObject());
            List<List<VerificationKey>> parsed = new ArrayList<>();
            String log = LogCapture.capture(() -> parsed.add(parse(Map.of("keys", jwks))));
            assertEquals(List.of("good"), parsed.get(0).stream().map(VerificationKey::kid).toList());
            Map<String, String> skipped = skipped(log);
            assertEquals(BAD.keySet(), skipped.keySet());
            BAD.keySet().forEach(kid -> assertTrue(skipped.get(kid).contains(WHY.get(kid)), kid + ": " + skipped.get(kid)));
        } finally {
            Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
        }
    }

    @Test
    void everyGoodKeyOfEachCurveServes() {
        List<VerificationKey> keys = parse(Map.of("keys", List.of(P256.toPublicJWK().toJSONObject(),
                P384.toPublicJWK().toJSONObject(), NimbusTokens.ec(Curve.P_521, "p521").toPublicJWK().toJSONObject())));
        assertEquals(List.of("P-256", "P-384", "P-521"), keys.stream().map(VerificationKey::curve).toList());
    }

    @Test
    void aSetWithNoUsableKeyIsNotAKeySet() {
        IOException empty = assertThrows(IOException.class, () -> JwksParser.parse(bytes(Map.of("keys", List.of()))));
        assertEquals("no usable key in the key set: the \"keys\" array is empty", empty.getMessage());
        byte[] allBad = bytes(Map.of("keys", List.of(BAD.get("rsa-private"), BAD.get("p384-labelled-p256"), BAD.get("okp"))));
        IOException allSkipped = assertThrows(IOException.class, () -> JwksParser.parse(allBad));
        assertTrue(allSkipped.getMessage().startsWith("no usable key in the key set: all 3 skipped (kid \"rsa-private\": "
                + "private key material published; kid \"p384-labelled-p256\": "), allSkipped.getMessage());
    }

    @Test
    void atMostFourKeysShareAKidAndTheyKeepTheirOrder() {
        List<Object> jwks = new ArrayList<>();
        List<RSAKey> shared = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RSAKey key = rsa("shared", 2048);
            shared.add(key);
            jwks.add(key.toPublicJWK().toJSONObject());
        }
        jwks.add(P256.toPublicJWK().toJSONObject());
        List<List<VerificationKey>> parsed = new ArrayList<>();
        String log = LogCapture.capture(() -> parsed.add(parse(Map.of("keys", jwks))));
        List<VerificationKey> keys = parsed.get(0);
        assertEquals(5, keys.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(publicKey(shared.get(i)), keys.get(i).publicKey());
        }
        assertEquals("p256", keys.get(4).kid());
        assertEquals(Map.of("shared", "more than 4 usable keys share this kid"), skipped(log));
    }

    @Test
    void ourOwnExportOfAKeyWithALeadingZeroCoordinateLoads() throws Exception {
        // About one P-256 key in 256 has an x below 2^248: exported, it must keep the zero byte.
        ECPublicKey key = p256KeyWithAShortX();
        byte[] document = JwkExport.keySet(JwkExport.publicJwk(key, "dev", "ES256")).getBytes(StandardCharsets.UTF_8);
        assertEquals(key, JwksParser.parse(document).get(0).publicKey());
    }

    @Test
    void anIssuersKeyWhoseCoordinateLostItsLeadingZeroStillLoads() throws Exception {
        ECPublicKey key = p256KeyWithAShortX();
        // Some issuers write the minimal big-endian form instead of RFC 7518's full 32 bytes.
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] minimal = x[0] == 0 ? Arrays.copyOfRange(x, 1, x.length) : x;
        Map<String, Object> jwk = new LinkedHashMap<>(JwkExport.publicJwk(key, "minimal", "ES256"));
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(minimal));
        assertTrue(minimal.length < 32);

        assertEquals(key, JwksParser.parse(bytes(Map.of("keys", List.of(jwk)))).get(0).publicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void curveNumbersAreThoseOfTheJdk(String jcaName) throws Exception {
        EcCurve curve = Arrays.stream(EcCurve.values()).filter(c -> c.jcaName().equals(jcaName)).findFirst().orElseThrow();
        ECParameterSpec jdk = spec(jcaName);
        assertEquals(((ECFieldFp) jdk.getCurve().getField()).getP(), curve.p());
        assertEquals(jdk.getCurve().getA(), curve.a());
        assertEquals(jdk.getCurve().getB(), curve.b());
    }

    private static List<VerificationKey> parse(Map<String, Object> document) {
        try {
            return JwksParser.parse(bytes(document));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static byte[] bytes(Map<String, Object> document) {
        return Tokens.json(document).getBytes(StandardCharsets.UTF_8);
    }

    /** kid to why, from the jwks_key_skipped lines. */
    private static Map<String, String> skipped(String log) {
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String line : log.split("\n")) {
            try {
                JsonNode json = MAPPER.readTree(line);
                if (json != null && "jwks_key_skipped".equals(json.path("event").asText())) {
                    skipped.put(json.path("kid").asText(), json.path("why").asText());
                }
            } catch (IOException notJson) {
                // only the skip lines matter here
            }
        }
        return skipped;
    }

    private static void bad(String kid, String why, Map<String, Object> jwk) {
        Map<String, Object> withKid = new LinkedHashMap<>(jwk);
        withKid.put("kid", kid);
        BAD.put(kid, withKid);
        WHY.put(kid, why);
    }

    /** The public JWK with one member changed. */
    private static Map<String, Object> with(JWK key, String member, Object value) {
        Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put(member, value);
        return jwk;
    }

    private static String plusOne(Base64URL coordinate) {
        byte[] bytes = new BigInteger(1, coordinate.decode()).add(BigInteger.ONE).toByteArray();
        byte[] full = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, full, 32 - length, length);
        return Base64URL.encode(full).toString();
    }

    private static byte[] p(String jcaName) {
        byte[] p = ((ECFieldFp) spec(jcaName).getCurve().getField()).getP().toByteArray();
        return Arrays.copyOfRange(p, p.length - 32, p.length);
    }

    private static ECParameterSpec spec(String jcaName) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", "SunEC");
            parameters.init(new ECGenParameterSpec(jcaName));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PublicKey publicKey(RSAKey key) {
        try {
            return key.toPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String kid, int bits) {
        try {
            return new RSAKeyGenerator(bits, true).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 key whose x coordinate has a leading zero byte at full length. */
    private static ECPublicKey p256KeyWithAShortX() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key;
        do {
            key = (ECPublicKey) generator.generateKeyPair().getPublic();
        } while (key.getW().getAffineX().bitLength() > 248);
        return key;
    }

    private static OctetSequenceKey oct() {
        try {
            return new OctetSequenceKeyGenerator(256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
