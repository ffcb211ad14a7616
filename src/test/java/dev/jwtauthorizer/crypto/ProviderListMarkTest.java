package dev.jwtauthorizer.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import org.junit.jupiter.api.Test;

/** Kept engines are looked up again after this authorizer changes the provider list, and only then. */
class ProviderListMarkTest {
    @Test
    void enginesAreKeptWhileTheAuthorizerLeavesTheListAlone() {
        ProviderListMark mark = new ProviderListMark();
        assertFalse(mark.moved());
        assertFalse(mark.moved());
    }

    @Test
    void aChangeThisAuthorizerMakesMovesThemOnceAtTheNextCheck() {
        ProviderListMark mark = new ProviderListMark();
        ProviderList.changed();
        assertTrue(mark.moved());
        assertFalse(mark.moved(), "once");
    }

    @Test
    void aProviderOtherCodeAddsDoesNotTakeOverEnginesAlreadyMade() {
        ProviderListMark mark = new ProviderListMark();
        // Last in the list and offering nothing, so no other test's engines resolve differently.
        Provider added = new Provider("ProviderListMarkTestEmpty", "1", "offers nothing") {
        };
        Security.addProvider(added);
        try {
            assertFalse(mark.moved());
        } finally {
            Security.removeProvider(added.getName());
        }
    }
}
