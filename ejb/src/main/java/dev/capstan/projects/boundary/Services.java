package dev.capstan.projects.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.projects.control.AuditedChange;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.entity.Service;
import dev.capstan.projects.entity.ServiceInput;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import static dev.capstan.projects.control.ProjectPart.SERVICE;

/** A project's services: maintainers and administrators add, change and remove them. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Services {

    @Inject
    AuditedChange changes;

    @Resource
    SessionContext session;

    public ProjectDetails.ServiceView add(String projectKey, ServiceInput input) {
        return view(changes.add(Caller.of(session), "service.created", SERVICE, projectKey, input.name(),
                project -> project.defineService(input.validate())));
    }

    /** Changes the service named {@code serviceName}, if nobody changed it since {@code version}. */
    public ProjectDetails.ServiceView update(String projectKey, String serviceName, ServiceInput input, long version) {
        return view(changes.update(Caller.of(session), "service.updated", SERVICE, projectKey, serviceName, version,
                project -> project.redefineService(serviceName, input.validate())));
    }

    /** Removes a service and the environments' overrides of it. */
    public void remove(String projectKey, String serviceName) {
        changes.remove(Caller.of(session), "service.removed", SERVICE, projectKey, serviceName,
                project -> project.removeService(serviceName));
    }

    private static ProjectDetails.ServiceView view(Service service) {
        return new ProjectDetails.ServiceView(service.definition(), service.version());
    }
}
