package dev.jwtauthorizer.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a library user touches is small, deliberate and documented. The public types of each API
 * package are exactly the pinned ones: adding one is an API change, made here on purpose, and
 * everything else in those packages stays package-private. Every public type of the API has a
 * javadoc comment.
 */
class ApiSurfaceTest {
    /** API package -> its public types (nested ones as Outer.Inner). A package not built yet is skipped. */
    private static final Map<String, Set<String>> API = Map.of(
            "dev.jwtauthorizer.verifier", Set.of("JwtVerifier", "JwtVerifier.Builder", "JwtVerifier.CognitoBuilder",
                    "VerifiedJwt", "JwtRejectedException", "JwtVerifierUnavailableException", "TokenUse"),
            "dev.jwtauthorizer.policy", Set.of("AuthorizerResponse", "IamPattern", "MethodArn", "MethodArn.OutOfLimitsException",
                    "PolicyBuilder", "Route", "SimpleResponse"),
            "dev.jwtauthorizer.extension", Set.of("AuthorizationCheck", "CheckRequest", "CheckRequest.Builder", "CheckResult",
                    "CredentialKind"));

    /** Public types the API holds in packages that are otherwise internal. */
    private static final Set<String> API_ELSEWHERE = Set.of("dev.jwtauthorizer.decision.Reason",
            "dev.jwtauthorizer.lambda.AuthorizerHandler");

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^[ \\t]*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");

    @Test
    void eachApiPackageHasExactlyItsPinnedPublicTypes() throws Exception {
        int checked = 0;
        for (Map.Entry<String, Set<String>> api : API.entrySet()) {
            Path directory = classesOf(api.getKey());
            if (!Files.isDirectory(directory)) {
                continue;
            }
            checked++;
            assertEquals(new TreeSet<>(api.getValue()), publicTypes(api.getKey(), directory),
                    api.getKey() + ": a public type was added or removed; make it package-private, or change the pinned "
                            + "list here on purpose (and give it javadoc)");
        }
        assertTrue(checked >= 2, "the verifier and policy packages were not found under " + classesOf("dev.jwtauthorizer"));
    }

    @Test
    void everyPublicTypeOfTheApiHasAJavadocComment() throws Exception {
        List<String> api = new ArrayList<>(API_ELSEWHERE);
        for (Map.Entry<String, Set<String>> entry : API.entrySet()) {
            if (Files.isDirectory(classesOf(entry.getKey()))) {
                publicTypes(entry.getKey(), classesOf(entry.getKey())).forEach(type -> api.add(entry.getKey() + "." + type));
            }
        }
        List<String> undocumented = new ArrayList<>();
        for (String type : api) {
            if (!documented(type)) {
                undocumented.add(type);
            }
        }
        assertEquals(List.of(), undocumented, "public API types need a javadoc comment saying what they are for");
    }

    @Test
    void everyPackageSaysWhetherItIsApi() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Path> directories = new TreeSet<>();
        CoreImportsTest.javaFiles().forEach(file -> directories.add(file.getParent()));
        for (Path directory : directories) {
            String packageName = CoreImportsTest.SOURCES.relativize(directory).toString().replace('/', '.').replace('\\', '.');
            Path info = directory.resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(packageName + ": no package-info.java");
                continue;
            }
            boolean saysInternal = Files.readString(info, StandardCharsets.UTF_8).contains("Internal: not part of the API; may change in any release.");
            if (API.containsKey(packageName) == saysInternal) {
                problems.add(packageName + (saysInternal ? ": an API package described as internal" : ": does not say \"Internal: not "
                        + "part of the API; may change in any release.\""));
            }
        }
        assertEquals(List.of(), problems, "every package's package-info.java says what it is for and whether it is API");
    }

    /** The javadoc check itself tells a documented declaration from one that is not. */
    @Test
    void aDeclarationIsDocumentedOnlyByAJavadocCommentRightBeforeIt() {
        assertTrue(documentedIn("/** Says what. */\npublic final class A {\n}", "A"));
        assertTrue(documentedIn("import x.Y;\n\n/**\n * Allows {@code GET /books/*}.\n */\npublic final class A {\n}", "A"));
        assertTrue(documentedIn("/**\n * Says what.\n */\n@Deprecated\n@SuppressWarnings(\"x\")\npublic enum A {}", "A"));
        assertTrue(documentedIn("class O {\n    /** Says what. */\n    public static final class B {}\n}", "B"));
        assertFalse(documentedIn("/* Not javadoc. */\npublic class A {}", "A"));
        assertFalse(documentedIn("// Not javadoc.\npublic class A {}", "A"));
        assertFalse(documentedIn("/** The import's, not the class's. */\nimport x.Y;\n\npublic class A {}", "A"));
        assertFalse(documentedIn("public class A {}", "A"));
    }

    /** Public types among the package's compiled classes, nested ones only when every enclosing type is public too. */
    private static Set<String> publicTypes(String packageName, Path directory) throws IOException, ClassNotFoundException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String binary = file.getFileName().toString().replace(".class", "");
                if (binary.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(packageName + "." + binary, false, ApiSurfaceTest.class.getClassLoader());
                if (!type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic() && isVisible(type)) {
                    types.add(binary.replace('$', '.'));
                }
            }
        }
        return types;
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Path classesOf(String packageName) throws URISyntaxException {
        Path root = Path.of(ApiSurfaceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        return root.resolve(packageName.replace('.', '/'));
    }

    private static boolean documented(String qualifiedType) throws IOException {
        // dev.jwtauthorizer.verifier.JwtVerifier.Builder lives in dev/jwtauthorizer/verifier/JwtVerifier.java.
        String[] parts = qualifiedType.split("\\.");
        int firstType = 0;
        while (!Character.isUpperCase(parts[firstType].charAt(0))) {
            firstType++;
        }
        Path file = CoreImportsTest.SOURCES.resolve(String.join("/", List.of(parts).subList(0, firstType + 1)) + ".java");
        return documentedIn(Files.readString(file, StandardCharsets.UTF_8), parts[parts.length - 1]);
    }

    static boolean documentedIn(String source, String simpleName) {
        Matcher declaration = PUBLIC_TYPE.matcher(source);
        while (declaration.find()) {
            if (declaration.group(1).equals(simpleName)) {
                List<String> before = new ArrayList<>(List.of(source.substring(0, declaration.start()).split("\n", -1)));
                // Blank lines and annotations may stand between the comment and the declaration.
                while (!before.isEmpty() && (before.get(before.size() - 1).isBlank() || before.get(before.size() - 1).strip().startsWith("@"))) {
                    before.remove(before.size() - 1);
                }
                String text = String.join("\n", before);
                if (!text.strip().endsWith("*/")) {
                    return false;
                }
                // The comment is what follows the last code: "/books/*" inside it opens nothing.
                String code = CoreImportsTest.withoutComments(text);
                int lastCode = code.length() - 1;
                while (lastCode >= 0 && Character.isWhitespace(code.charAt(lastCode))) {
                    lastCode--;
                }
                return text.substring(lastCode + 1).strip().startsWith("/**");
            }
        }
        return false;
    }
}
