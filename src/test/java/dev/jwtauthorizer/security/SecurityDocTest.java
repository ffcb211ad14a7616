package dev.jwtauthorizer.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SECURITY.md names tests as evidence: each one it names must exist, so the map cannot rot. */
class SecurityDocTest {
    private static final List<String> TEST_PACKAGES = List.of("dev.jwtauthorizer", "dev.jwtauthorizer.security",
            "dev.jwtauthorizer.keys", "dev.jwtauthorizer.config", "dev.jwtauthorizer.token", "dev.jwtauthorizer.policy",
            "dev.jwtauthorizer.lambda", "dev.jwtauthorizer.cli", "dev.jwtauthorizer.json", "dev.jwtauthorizer.claims",
            "dev.jwtauthorizer.request", "dev.jwtauthorizer.template", "dev.jwtauthorizer.log", "dev.jwtauthorizer.aws", "dev.jwtauthorizer.apikeys",
            "dev.jwtauthorizer.serve");

    @Test
    void everyTestSecurityMdNamesExists() throws Exception {
        String doc = Files.readString(Path.of("SECURITY.md"));
        // "KeySetOverHttpTest.aFloodOf..., aFloodOf..." names a class, then methods of it.
        Matcher reference = Pattern.compile("`?([A-Z][A-Za-z0-9]+Test)\\.(?!java\\b)([a-z][A-Za-z0-9]+)`?((?:, `[a-z][A-Za-z0-9]+`)*)").matcher(doc);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (reference.find()) {
            Class<?> testClass = find(reference.group(1));
            List<String> methods = new ArrayList<>(List.of(reference.group(2)));
            for (String more : reference.group(3).split(", ")) {
                if (!more.isBlank()) {
                    methods.add(more.replace("`", "").trim());
                }
            }
            for (String method : methods) {
                checked++;
                if (testClass == null || Arrays.stream(testClass.getDeclaredMethods()).noneMatch(m -> m.getName().equals(method))) {
                    missing.add(reference.group(1) + "." + method);
                }
            }
        }
        assertTrue(missing.isEmpty(), "SECURITY.md names tests that do not exist: " + missing);
        assertTrue(checked >= 20, "found only " + checked + " test references");
    }

    @Test
    void attackSuiteCasesSecurityMdQuotesExist() throws Exception {
        AttackSuiteTest suite = new AttackSuiteTest();
        suite.deploy();
        List<String> names;
        try {
            names = suite.attacks().stream().map(AttackSuiteTest.Attack::name).toList();
        } finally {
            suite.stop();
        }
        String doc = Files.readString(Path.of("SECURITY.md"));
        for (String quoted : List.of("no exp", "exp null", "nbf in the future", "iat in the future", "wrong issuer", "missing issuer",
                "issuer with a trailing slash", "wrong audience", "missing audience", "oversized token (over 8192 characters)",
                "alg none made by nimbus (PlainJWT)", "kid names the EC key, token is RS256", "Cognito ID token presented as an access token",
                "duplicate sub in the payload", "invalid UTF-8 in the payload", "ES256 psychic signature: 64 zero bytes",
                "ES256 psychic signature: DER-encoded zeros", "embedded jwk, issuer's kid", "header JSON \"{}x\"")) {
            assertTrue(names.contains(quoted), "no suite case named " + quoted);
            assertTrue(doc.contains("`" + quoted + "`"), "SECURITY.md no longer quotes " + quoted);
        }
    }

    private static Class<?> find(String simpleName) {
        for (String pkg : TEST_PACKAGES) {
            try {
                return Class.forName(pkg + "." + simpleName);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return null;
    }
}
