package dev.jwtauthorizer.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Known answers for the checks a token needs (RS256, ES256, HS256), asked of a provider before
 * checks move to it. A provider that gets one wrong is not used. Asking also loads and runs the
 * provider's classes and native code for those checks on the installing thread, which otherwise
 * the first request after the move would wait for (10-20 ms for ACCP at tier 1).
 */
final class KnownAnswers {
    private static final byte[] MESSAGE = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrbm93bi1hbnN3ZXIifQ".getBytes(StandardCharsets.US_ASCII);
    private static final String RSA_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtj3NpuMhy4S/F3EX15P3nIFn50ikWzuJSYyUK/HQHZYj"
            + "NdgQ/vZyi7LnNk3JEkhQWcsKh2kosuRgwUUkRu41z18Z65BxmF1fy5QUzyqxhaiI0bTW/9/GFB33ExeenAM2qtJZ"
            + "g28oCWGg6YwNFNR6joTFmCnmKr/Wlc7y0uZT1f6jonKdLUNJ9jkiw8AsvCeWjDMJnso9raRacf8m1ql0CLbUMp4i"
            + "cIwyv/e4eb6cItSgE96F/GmQblZArDEYdi622xDtZm9uRLopbY+CWQ8SWwp4FTsYLy993u6XEeEplkdXaOHveyTw"
            + "hL2EY0zANWl+diaGaaXTFqPG3VcEYcnWkwIDAQAB";
    private static final String RSA_SIGNATURE = "ZRAr/LWW63DAuCbSmTGBpT425sd2eJDtAiS2D+Dns3fbqnh6ERSjTw27fCb6vbLOtmET9/Y/5YPBbpdVOE4l3Hox"
            + "wt6gijkcY7xHsvzkiMsvBSEPhAl5afmQ4+oPzXhdffGjwPZxaoLGn2BGd1zRvw8xeNnlzwm43x35XKjIn5OrYfIS"
            + "cVkHThNWYHv/c6cHxvWtUv9CPQ5j03XtW0vNM1TiJMMVXTM4K3nMDPDM2H5qrmRykE10Y/8i1aszB4t8qsG/Hi1U"
            + "S+FAW6vOsaZWhZB7vtHU1UbVt8oMDyGUNIRPU91OfmXwnk2U4TZOR31B5YJIx0sm6Ze6uicW9VED3A==";
    private static final String EC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/Ca5bEwC6XcwgJktTpw4cCGjHI48scFMlExZ/SHE+Fl+3ctvMpyJ"
            + "twZzFf/TQ9i5i0k5gWug+EMiT6++hEfPsA==";
    private static final String EC_SIGNATURE = "MEQCIE5yByVvD8O5mTQ7skswSSDSMNdaVOJ4RLJzyEdNbC8JAiBKW0ZCZFrkzRr9RNA9ghd2hLMG3N7ysPhko0p9"
            + "JvpKsg==";
    /** RFC 4231 test case 2. */
    private static final String HMAC_KEY = "Jefe";
    private static final String HMAC_DATA = "what do ya want for nothing?";
    private static final String HMAC_SHA256 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private KnownAnswers() {
    }

    /** @throws GeneralSecurityException when the provider lacks a check or gets an answer wrong */
    static void check(Provider provider) throws GeneralSecurityException {
        verify(provider, "RSA", "SHA256withRSA", RSA_KEY, RSA_SIGNATURE);
        verify(provider, "EC", "SHA256withECDSA", EC_KEY, EC_SIGNATURE);
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] tag = mac.doFinal(HMAC_DATA.getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(HexFormat.of().parseHex(HMAC_SHA256), tag)) {
            throw new GeneralSecurityException(provider.getName() + " got HMAC-SHA256's known answer wrong");
        }
    }

    private static void verify(Provider provider, String family, String algorithm, String key, String signature)
            throws GeneralSecurityException {
        PublicKey publicKey = KeyFactory.getInstance(family, provider)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key)));
        Signature check = Signature.getInstance(algorithm, provider);
        byte[] good = Base64.getDecoder().decode(signature);
        check.initVerify(publicKey);
        check.update(MESSAGE);
        boolean genuineAccepted = check.verify(good);
        byte[] tampered = good.clone();
        tampered[tampered.length / 2] ^= 1;
        check.initVerify(publicKey);
        check.update(MESSAGE);
        boolean tamperedAccepted = verifiesQuietly(check, tampered);
        if (!genuineAccepted || tamperedAccepted) {
            throw new GeneralSecurityException(provider.getName() + " got " + algorithm + "'s known answer wrong");
        }
    }

    /** A provider may throw for a malformed signature instead of answering false: a refusal either way. */
    private static boolean verifiesQuietly(Signature check, byte[] signature) {
        try {
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
