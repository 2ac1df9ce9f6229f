package dev.capstan.environments.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.environments.entity.Environment;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.entity.Project;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;

/** A project's environments: maintainers and administrators add, change and remove them. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Environments {

    @Inject
    ProjectGuard guard;

    @Inject
    ProjectDirectory directory;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext session;

    @Audited(value = "environment.created", target = "project")
    public ProjectDetails.EnvironmentView add(String projectKey, EnvironmentInput input) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "environment.created");
        Environment environment = project.defineEnvironment(input);
        directory.flush();
        audit.record(event("environment.created", project, environment)
                .with(AuditDetails.none().changes(Map.of(), environment.definition().describe())));
        return view(environment);
    }

    /** Changes the environment named {@code environmentName}, if nobody changed it since {@code version}. */
    @Audited(value = "environment.updated", target = "project")
    public ProjectDetails.EnvironmentView update(String projectKey, String environmentName, EnvironmentInput input, long version) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "environment.updated");
        Environment environment = project.environment(environmentName);
        ConcurrentChangeException.check("Environment " + environmentName, version, environment.version());
        Map<String, Object> before = environment.definition().describe();
        project.redefineEnvironment(environmentName, input);
        directory.flush();
        AuditDetails changes = AuditDetails.none().changes(before, environment.definition().describe());
        if (changes.hasChanges()) {
            audit.record(event("environment.updated", project, environment).with(changes));
        }
        return view(environment);
    }

    @Audited(value = "environment.removed", target = "project")
    public void remove(String projectKey, String environmentName) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "environment.removed");
        Environment environment = project.environment(environmentName);
        Map<String, Object> before = environment.definition().describe();
        project.removeEnvironment(environmentName);
        directory.flush();
        audit.record(event("environment.removed", project, environment).with(AuditDetails.none().changes(before, Map.of())));
    }

    private static ProjectDetails.EnvironmentView view(Environment environment) {
        return new ProjectDetails.EnvironmentView(environment.definition(), environment.version());
    }

    private static AuditEvent event(String action, Project project, Environment environment) {
        return AuditEvent.of(action).on("environment", environment.id(), environment.name())
                .in(project.key(), environment.name());
    }
}
