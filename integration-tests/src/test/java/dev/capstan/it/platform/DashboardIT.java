package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard shows what the person can act on, and nothing that is not built. */
class DashboardIT extends PortalTest {

    @Test
    void aNewUserIsToldHowToGetAProjectThenSeesTheirsWithItsCounts() throws Exception {
        PortalClient lena = signedIn("dashboard-lena", GlobalRole.USER);

        String empty = lena.get("/index.xhtml").body();
        assertTrue(empty.contains("You are not a member of any project yet."), empty);
        assertFalse(empty.contains("Recent changes"), "the audit trail is for administrators and auditors");
        assertFalse(empty.contains("First steps"));
        for (String unbuilt : new String[]{"Deployments", "Backups", "Health", "You are here", "Not part of this version"}) {
            assertFalse(empty.contains(unbuilt), unbuilt + " is not shown before it is built");
        }

        assertEquals(201, lena.call("POST", "/api/v1/projects", "{\"key\": \"dashboard-shop\", \"name\": \"Lena's shop\"}").statusCode());
        assertEquals(201, lena.call("POST", "/api/v1/projects/dashboard-shop/services",
                "{\"name\": \"web\", \"image\": \"ghcr.io/acme/web\"}").statusCode());
        String mine = lena.get("/index.xhtml").body();
        assertTrue(mine.contains("Your projects") && mine.contains("Lena's shop") && mine.contains("1 service, 0 environments"), mine);
        assertTrue(mine.contains("project.xhtml?key=dashboard-shop"), "each project links to its page");
    }

    @Test
    void anAuditorSeesTheNewestChanges() throws Exception {
        PortalClient maker = signedIn("dashboard-maker", GlobalRole.USER);
        assertEquals(201, maker.call("POST", "/api/v1/projects", "{\"key\": \"dashboard-audited\", \"name\": \"Audited\"}").statusCode());
        PortalClient auditor = signedIn("dashboard-auditor", GlobalRole.AUDITOR);

        String dashboard = auditor.get("/index.xhtml").body();
        assertTrue(dashboard.contains("Recent changes") && dashboard.contains("signin.succeeded"), dashboard);
        assertTrue(dashboard.contains("class=\"card project-card\"") && !dashboard.contains("You are not a member"),
                "auditors see projects they are no member of");
    }
}
