package dev.jwtauthorizer.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A claim name or pointer finds exactly one claim, and nothing else stands in for it. */
class ClaimPathTest {
    private static final List<String> ROLES = List.of("editor");

    private static Object resolve(String path, Map<String, ?> claims) {
        return ClaimPath.parse(path).resolve(claims);
    }

    private static String refusal(String path) {
        return assertThrows(IllegalArgumentException.class, () -> ClaimPath.parse(path)).getMessage();
    }

    @Test
    void aNamespacedNameIsOnlyThatTopLevelClaim() {
        String name = "https://example.com/roles";
        assertEquals(ROLES, resolve(name, Map.of(name, ROLES)));
        assertNull(resolve(name, Map.of("https://example", Map.of("com/roles", ROLES))));
        assertNull(resolve(name, Map.of("https://example.com", Map.of("roles", ROLES))));
        assertNull(resolve(name, Map.of("https:", Map.of("", Map.of("example.com", Map.of("roles", ROLES))))));
    }

    @Test
    void namesWithAColonOrSlashAreExactEvenWithDots() {
        assertEquals("x", resolve("cognito:groups", Map.of("cognito:groups", "x")));
        assertEquals("x", resolve("urn:example.com:tier", Map.of("urn:example.com:tier", "x")));
        assertNull(resolve("urn:example.com:tier", Map.of("urn:example", Map.of("com:tier", "x"))));
    }

    @Test
    void aPointerStepsThroughObjectsOnly() {
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", ROLES));
        assertEquals(ROLES, resolve("/realm_access/roles", keycloak));
        assertNull(resolve("/realm_access/roles", Map.of("realm_access.roles", ROLES)));
        assertNull(resolve("/realm_access/roles", Map.of("realm_access", "roles")));
        assertNull(resolve("/realm_access/roles", Map.of("realm_access", List.of(Map.of("roles", ROLES)))));
        assertNull(resolve("/groups/0", Map.of("groups", ROLES)));
        assertNull(resolve("/realm_access/roles/editor", keycloak));
    }

    @Test
    void aPointerWithOneStepIsTheTopLevelClaimWhateverItsName() {
        assertEquals(ROLES, resolve("/realm_access.roles", Map.of("realm_access.roles", ROLES)));
        assertNull(resolve("/realm_access.roles", Map.of("realm_access", Map.of("roles", ROLES))));
        assertEquals(ROLES, resolve("/https:~1~1example.com~1roles", Map.of("https://example.com/roles", ROLES)));
        assertEquals(ROLES, resolve("/a~0b/c~01", Map.of("a~b", Map.of("c~1", ROLES))));
        assertEquals(ClaimPath.parse("https://example.com/roles"), ClaimPath.parse("/https:~1~1example.com~1roles"));
        assertNotEquals(ClaimPath.parse("/realm_access/roles"), ClaimPath.parse("/realm_access~1roles"));
    }

    @Test
    void onlyTheTopLevelScopeAndScpAreSpaceSeparated() {
        assertTrue(ClaimPath.parse("scope").isSpaceSeparated());
        assertTrue(ClaimPath.parse("scp").isSpaceSeparated());
        assertTrue(ClaimPath.parse("/scope").isSpaceSeparated());
        assertFalse(ClaimPath.parse("/ext/scope").isSpaceSeparated());
        assertFalse(ClaimPath.parse("https://example.com/scope").isSpaceSeparated());
        assertFalse(ClaimPath.parse("Scope").isSpaceSeparated());
        assertFalse(ClaimPath.parse("roles").isSpaceSeparated());
    }

    @Test
    void aDottedPlainNameIsRefusedWithBothPointersItCouldMean() {
        assertEquals("claim \"realm_access.roles\" is ambiguous: write \"/realm_access/roles\" for the nested claim, "
                + "or \"/realm_access.roles\" for a top-level claim of that name", refusal("realm_access.roles"));
        assertEquals("claim \"a~b.c\" is ambiguous: write \"/a~0b/c\" for the nested claim, "
                + "or \"/a~0b.c\" for a top-level claim of that name", refusal("a~b.c"));
        assertEquals("claim \"email.\" is ambiguous: write \"/email.\" for a top-level claim of that name, "
                + "or a pointer such as \"/realm_access/roles\" for a nested claim", refusal("email."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/a//b", "/a/", "/a~", "/a~2", " sub", "scope ", "/realm_access/roles\n"})
    void malformedNamesAreRefusedAtConfiguration(String path) {
        assertFalse(refusal(path).isEmpty());
    }

    @Test
    void refusalsSayWhatToWrite() {
        assertEquals("claim \" sub\" starts or ends with whitespace; write \"sub\"", refusal(" sub"));
        assertEquals("claim \"/a//b\" has an empty step: a pointer is \"/\" followed by a member name, for each level, "
                + "as in \"/realm_access/roles\"", refusal("/a//b"));
        assertEquals("claim \"/a~2\": in a pointer, \"~\" is written \"~0\" and \"/\" inside a name is written \"~1\"",
                refusal("/a~2"));
    }

    @Test
    void theTextIsKeptAsConfigured() {
        assertEquals("/realm_access/roles", ClaimPath.parse("/realm_access/roles").text());
        assertEquals("/https:~1~1example.com~1roles", ClaimPath.parse("/https:~1~1example.com~1roles").toString());
    }
}
