package dev.capstan.projects.control;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ImportPlanTest {

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
        ImportPlan seen = new ImportPlan("shop", true, List.of(added("nginx")), List.of());
        ImportPlan other = new ImportPlan("shop", true, List.of(added("ghcr.io/evil/nginx")), List.of());

        assertNotEquals(seen.fingerprint(), other.fingerprint(), "applying checks the fields too, not only the names");
        assertEquals(seen.fingerprint(), new ImportPlan("shop", true, List.of(added("nginx")), List.of()).fingerprint());
    }
}
