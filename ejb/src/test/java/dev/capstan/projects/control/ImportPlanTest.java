package dev.capstan.projects.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ImportPlanTest {

    private static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);

    private static ImportPlan.Change added(String image) {
        return new ImportPlan.Change(ImportPlan.Operation.ADD, "service", "web", Map.of("image", Arrays.asList(null, image)));
    }

    @Test
    void aChangeReadsAsOneLineWithEachFieldBeforeAndAfter() {
        ImportPlan.Change change = new ImportPlan.Change(ImportPlan.Operation.CHANGE, "service", "backend",
                Map.of("deployOrder", List.of(30, 35)));

        assertEquals("change service backend: deployOrder 30 -> 35", change.summary());
        assertEquals("add service web", added("nginx").summary());
    }

    @Test
    void plansThatAddTheSameNamesWithOtherFieldsAreDifferentPlans() {
        ImportPlan seen = new ImportPlan("shop", true, List.of(added("nginx")), List.of()).sealedFor(KEY, "dana");
        ImportPlan other = new ImportPlan("shop", true, List.of(added("ghcr.io/evil/nginx")), List.of()).sealedFor(KEY, "dana");

        assertNotEquals(seen.fingerprint(), other.fingerprint(), "applying checks the fields too, not only the names");
        assertEquals(seen.fingerprint(), new ImportPlan("shop", true, List.of(added("nginx")), List.of()).sealedFor(KEY, "dana").fingerprint());
    }

    @Test
    void aFingerprintHoldsOnlyForWhomItWasMadeAndCannotBeComputedWithoutTheKey() {
        ImportPlan plan = new ImportPlan("shop", true, List.of(added("nginx")), List.of());
        String forDana = plan.sealedFor(KEY, "dana\nsession-1").fingerprint();

        assertNotEquals(forDana, plan.sealedFor(KEY, "dana\nsession-2").fingerprint(), "another session");
        assertNotEquals(forDana, plan.sealedFor(KEY, "mallory\nsession-1").fingerprint(), "another person");
        assertNotEquals(forDana, plan.sealedFor("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII),
                "dana\nsession-1").fingerprint(), "another server key");
    }
}
