package dev.capstan.projects.entity;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.PasswordHash;
import dev.capstan.access.entity.User;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.environments.entity.Tier;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final PasswordHash HASH = PasswordHash.fromEncoded(PasswordHash.of("irrelevant-password".toCharArray()).encoded());

    private final Project project = Project.create(new ProjectInput("korrigo", "Korrigo", null, "Grading"), NOW);

    private static ServiceInput service(String name, String kind, int order) {
        return new ServiceInput(name, kind, false, "image/" + name, null, null, order, null, null, List.of());
    }

    private static User user(String name) {
        return User.create(name, name, Set.of(GlobalRole.USER), HASH, NOW);
    }

    @Test
    void servicesDeployInTheirOrderTheDatabaseBeforeTheBackend() {
        project.defineService(service("nginx", "proxy", 90).validate());
        project.defineService(service("backend", "application", 30).validate());
        project.defineService(service("db", "database", 10).validate());
        project.defineService(service("redis", "cache", 10).validate());

        assertEquals(List.of("db", "redis", "backend", "nginx"),
                project.servicesInDeployOrder().stream().map(Service::name).toList());
    }

    @Test
    void namesAreUniqueWithinTheProject() {
        project.defineService(service("db", "database", 10).validate());

        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> project.defineService(service("DB", "database", 10).validate()));
        assertEquals(Optional.of("name"), refused.field());
    }

    @Test
    void aProjectHoldsAtMostAHundredServices() {
        for (int i = 0; i < Project.MAX_SERVICES; i++) {
            project.defineService(service("s" + i, "worker", 10).validate());
        }

        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> project.defineService(service("one-more", "worker", 10).validate()));
        assertEquals("Project korrigo has 100 services, the most a project may have.", refused.getMessage());
    }

    @Test
    void anEnvironmentMayOnlyOverrideServicesTheProjectHas() {
        project.defineService(service("dashboard", "application", 50).validate());
        EnvironmentInput staging = new EnvironmentInput("staging", "staging", "http://127.0.0.1:8100",
                new EnvironmentInput.TargetInput("ssh-host", Map.of("host", "127.0.0.1", "user", "deploy", "directory", "/srv/k")),
                List.of(new EnvironmentInput.OverrideInput("dashboard", true, null, null),
                        new EnvironmentInput.OverrideInput("celery", true, null, null)));

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> project.defineEnvironment(staging));
        assertEquals(List.of(new FieldError("overrides[1].service", "The project has no service 'celery' to override.")),
                refused.errors());
    }

    @Test
    void removingAServiceDropsItsOverrides() {
        project.defineService(service("dashboard", "application", 50).validate());
        project.defineEnvironment(new EnvironmentInput("production", "production", null, null,
                List.of(new EnvironmentInput.OverrideInput("dashboard", true, null, null))));

        project.removeService("dashboard");

        assertEquals(List.of(), project.environment("production").definition().overrides());
    }

    @Test
    void anArchivedProjectChangesNothingUntilUnarchived() {
        project.archive();

        assertThrows(BusinessRuleException.class, () -> project.defineService(service("db", "database", 10).validate()));
        assertThrows(BusinessRuleException.class, () -> project.describe(new ProjectInput(null, "New name", null, null)));
        project.unarchive();
        project.describe(new ProjectInput(null, "New name", null, null));
        assertEquals("New name", project.name());
    }

    @Test
    void theKeyNeverChanges() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> project.describe(new ProjectInput("other", "Korrigo", null, null)));
        assertEquals("key", refused.errors().get(0).field());
    }

    @Test
    void theLastMaintainerStays() {
        project.addMember(user("alice"), ProjectRole.MAINTAINER, false);
        project.addMember(user("bob"), ProjectRole.DEPLOYER, false);

        assertThrows(BusinessRuleException.class, () -> project.removeMember("alice"));
        assertThrows(BusinessRuleException.class, () -> project.changeMember("alice", ProjectRole.VIEWER, false));
        project.changeMember("bob", ProjectRole.MAINTAINER, false);
        project.removeMember("alice");
        assertEquals(List.of("bob"), project.membersInOrder().stream().map(Membership::username).toList());
    }

    @Test
    void deployersReachProductionOnlyWhenTheirMembershipAllowsIt() {
        Membership careful = project.addMember(user("carol"), ProjectRole.DEPLOYER, false);
        Membership trusted = project.addMember(user("dave"), ProjectRole.DEPLOYER, true);
        Membership viewer = project.addMember(user("erin"), ProjectRole.VIEWER, true);

        assertTrue(careful.mayDeployTo(Tier.STAGING));
        assertFalse(careful.mayDeployTo(Tier.PRODUCTION));
        assertTrue(trusted.mayDeployTo(Tier.PRODUCTION));
        assertFalse(viewer.mayDeployTo(Tier.DEVELOPMENT));
        assertFalse(viewer.productionDeploys(), "the flag means nothing for a viewer and is not kept");
    }

    @Test
    void standingFollowsGlobalRolesThenMembership() {
        assertEquals(ProjectStanding.ADMIN, ProjectStanding.of(Set.of(GlobalRole.ADMIN), Optional.empty()));
        assertEquals(ProjectStanding.AUDITOR, ProjectStanding.of(Set.of(GlobalRole.AUDITOR), Optional.empty()));
        assertEquals(ProjectStanding.NONE, ProjectStanding.of(Set.of(GlobalRole.USER), Optional.empty()));
        assertEquals(ProjectStanding.MAINTAINER, ProjectStanding.of(Set.of(GlobalRole.USER), Optional.of(ProjectRole.MAINTAINER)));
        assertFalse(ProjectStanding.AUDITOR.allows(ProjectPermission.MAINTAIN));
        assertFalse(ProjectStanding.DEPLOYER.allows(ProjectPermission.MAINTAIN));
        assertTrue(ProjectStanding.VIEWER.allows(ProjectPermission.READ));
        assertFalse(ProjectStanding.NONE.mayKnow());
        assertFalse(ProjectStanding.mayCreateProjects(Set.of(GlobalRole.AUDITOR)));
    }
}
