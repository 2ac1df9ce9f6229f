package dev.capstan.environments.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.environments.entity.Environment;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.control.AuditedChange;
import dev.capstan.projects.control.Caller;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import static dev.capstan.projects.control.ProjectPart.ENVIRONMENT;

/** A project's environments: maintainers and administrators add, change and remove them. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Environments {

    @Inject
    AuditedChange changes;

    @Resource
    SessionContext session;

    public ProjectDetails.EnvironmentView add(String projectKey, EnvironmentInput input) {
        return view(changes.add(Caller.of(session), "environment.created", ENVIRONMENT, projectKey, input.name(),
                project -> project.defineEnvironment(input)));
    }

    /** Changes the environment named {@code environmentName}, if nobody changed it since {@code version}. */
    public ProjectDetails.EnvironmentView update(String projectKey, String environmentName, EnvironmentInput input, long version) {
        return view(changes.update(Caller.of(session), "environment.updated", ENVIRONMENT, projectKey, environmentName, version,
                project -> project.redefineEnvironment(environmentName, input)));
    }

    public void remove(String projectKey, String environmentName) {
        changes.remove(Caller.of(session), "environment.removed", ENVIRONMENT, projectKey, environmentName,
                project -> project.removeEnvironment(environmentName));
    }

    private static ProjectDetails.EnvironmentView view(Environment environment) {
        return new ProjectDetails.EnvironmentView(environment.definition(), environment.version());
    }
}
