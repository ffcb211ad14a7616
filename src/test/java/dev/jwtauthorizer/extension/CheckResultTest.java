package dev.jwtauthorizer.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a check can say, and every mistake refused where it is made, so a check's own tests find it. */
class CheckResultTest {
    @Test
    void allowCarriesContextInOrderAndStaysImmutable() {
        CheckResult plain = CheckResult.allow();
        CheckResult more = plain.withContext("tenant", "acme").withContext("seats", 7).withContext("trial", true);
        assertTrue(more.isAllowed());
        assertEquals(Map.of(), plain.context(), "with... returns a new result");
        assertEquals(List.of("tenant", "seats", "trial"), List.copyOf(more.context().keySet()));
        assertNull(more.reason());
        assertNull(more.routes(), "not narrowed");
        assertThrows(UnsupportedOperationException.class, () -> more.context().put("x", "y"));
        assertEquals(CheckResult.allow().withContext("tenant", "acme"), CheckResult.allow().withContext("tenant", "acme"));
    }

    @Test
    void denyAndRejectCarryTheirReason() {
        assertTrue(CheckResult.deny("wrong_tenant").isDenied());
        assertEquals("wrong_tenant", CheckResult.deny("wrong_tenant").reason());
        assertTrue(CheckResult.reject("denied_subject").isRejected());
        assertEquals("a:b.c-d_9", CheckResult.reject("a:b.c-d_9").reason());
        assertEquals(64, CheckResult.deny("x".repeat(64)).reason().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "quote\"", "new\nline", "ünïcode", "slash/"})
    void aReasonOutsideItsAlphabetIsRefused(String reason) {
        assertThrows(IllegalArgumentException.class, () -> CheckResult.deny(reason));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.reject(reason));
    }

    @Test
    void aReasonTooLongOrMissingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CheckResult.deny("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.reject(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"principalId", "apiKeyId", "", "tenant id", "x\u0000", "ténant"})
    void aContextNameThatIsReservedOrOddIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().withContext(name, "v"));
    }

    @Test
    void aContextNameTooLongIsRefused() {
        assertEquals(1, CheckResult.allow().withContext("a".repeat(128), "v").context().size());
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().withContext("a".repeat(129), "v"));
    }

    @Test
    void aContextValueApiGatewayCannotCarryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().withContext("ratio", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().withContext("ratio", Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().withContext("count", new AtomicInteger(1)));
        assertThrows(NullPointerException.class, () -> CheckResult.allow().withContext("tenant", (String) null));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().withContext("blob", "x".repeat(4097)));
    }

    @Test
    void onlyRoutesTakesRulesSyntaxAndRefusesTheRest() {
        CheckResult narrowed = CheckResult.allow().onlyRoutes(List.of("ANY /tenants/acme/*", "GET /books", "$connect"));
        assertEquals(List.of("* /tenants/acme/*", "GET /books", "$connect"), narrowed.routes());
        assertEquals(List.of(), CheckResult.allow().onlyRoutes(List.of()).routes(), "empty: no route at all");
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().onlyRoutes(List.of("GET books")));
        assertThrows(IllegalArgumentException.class, () -> CheckResult.allow().onlyRoutes(List.of("FETCH /books")));
        assertThrows(IllegalStateException.class, () -> narrowed.onlyRoutes(List.of("GET /books")), "narrowed once");
    }

    @Test
    void aDenyOrRejectTakesNoContextNorRoutes() {
        assertThrows(IllegalStateException.class, () -> CheckResult.deny("no").withContext("tenant", "acme"));
        assertThrows(IllegalStateException.class, () -> CheckResult.reject("no").onlyRoutes(List.of("GET /books")));
    }
}
