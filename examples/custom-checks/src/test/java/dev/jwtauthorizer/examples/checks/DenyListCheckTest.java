package dev.jwtauthorizer.examples.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import org.junit.jupiter.api.Test;

class DenyListCheckTest {
    private final DenyListCheck check = new DenyListCheck(" mallory, eve ,,");

    @Test
    void aListedSubjectIsRejected() {
        CheckRequest request = CheckRequest.builder().principalId("mallory").claim("sub", "mallory").build();
        assertEquals(CheckResult.reject("denied_subject"), check.check(request));
    }

    @Test
    void anotherSubjectPasses() {
        CheckRequest request = CheckRequest.builder().principalId("alice").claim("sub", "alice").build();
        assertEquals(CheckResult.allow(), check.check(request));
    }

    @Test
    void theSubClaimCountsNotThePrincipalClaim() {
        // With JWT_PRINCIPAL_CLAIM=email the principal is an address; the list still names subjects.
        CheckRequest request = CheckRequest.builder().principalId("eve@example.com").claim("sub", "eve").build();
        assertEquals(CheckResult.reject("denied_subject"), check.check(request));
    }

    @Test
    void anApiKeyIsJudgedByItsPrincipal() {
        CheckRequest request = CheckRequest.builder().principalId("eve").apiKeyId("eve-2026").build();
        assertEquals(CheckResult.reject("denied_subject"), check.check(request));
    }

    @Test
    void noListDeniesNoOne() {
        CheckRequest request = CheckRequest.builder().principalId("mallory").claim("sub", "mallory").build();
        assertEquals(CheckResult.allow(), new DenyListCheck(null).check(request));
        assertEquals(CheckResult.allow(), new DenyListCheck(" ").check(request));
    }
}
