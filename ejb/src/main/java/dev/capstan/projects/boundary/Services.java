package dev.capstan.projects.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.Service;
import dev.capstan.projects.entity.ServiceDefinition;
import dev.capstan.projects.entity.ServiceInput;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;

/** A project's services: maintainers and administrators add, change and remove them. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Services {

    @Inject
    ProjectGuard guard;

    @Inject
    ProjectDirectory directory;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext session;

    @Audited(value = "service.created", target = "project")
    public ProjectDetails.ServiceView add(String projectKey, ServiceInput input) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "service.created");
        Service service = project.defineService(input.validate());
        directory.flush();
        audit.record(event("service.created", project, service)
                .with(AuditDetails.none().changes(Map.of(), service.definition().describe())));
        return new ProjectDetails.ServiceView(service.definition(), service.version());
    }

    /** Changes the service named {@code serviceName}, if nobody changed it since {@code version}. */
    @Audited(value = "service.updated", target = "project")
    public ProjectDetails.ServiceView update(String projectKey, String serviceName, ServiceInput input, long version) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "service.updated");
        Service service = project.service(serviceName);
        ConcurrentChangeException.check("Service " + serviceName, version, service.version());
        Map<String, Object> before = service.definition().describe();
        ServiceDefinition definition = input.validate();
        project.redefineService(serviceName, definition);
        directory.flush();
        AuditDetails changes = AuditDetails.none().changes(before, service.definition().describe());
        if (changes.hasChanges()) {
            audit.record(event("service.updated", project, service).with(changes));
        }
        return new ProjectDetails.ServiceView(service.definition(), service.version());
    }

    /** Removes a service and the environments' overrides of it. */
    @Audited(value = "service.removed", target = "project")
    public void remove(String projectKey, String serviceName) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "service.removed");
        Service service = project.service(serviceName);
        Map<String, Object> before = service.definition().describe();
        project.removeService(serviceName);
        directory.flush();
        audit.record(event("service.removed", project, service).with(AuditDetails.none().changes(before, Map.of())));
    }

    private static AuditEvent event(String action, Project project, Service service) {
        return AuditEvent.of(action).on("service", service.id(), service.name()).in(project.key(), null);
    }
}
