package dev.capstan.platform.ui;

import dev.capstan.access.boundary.UserAdministration;
import dev.capstan.access.control.UserFilter;
import dev.capstan.access.control.UserSort;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.boundary.AuditEntryView;
import dev.capstan.audit.boundary.AuditLog;
import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.projects.boundary.ProjectPage;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.control.ProjectFilter;
import dev.capstan.projects.control.ProjectSort;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.util.List;

/**
 * The dashboard: what the signed-in person can act on. Their projects (those they may see) with
 * counts; for administrators and auditors the newest changes in the audit trail; for an
 * administrator of a new installation, the first steps.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    static final int SHOWN = 8;

    @EJB
    Projects projects;

    @EJB
    AuditLog auditLog;

    @EJB
    UserAdministration users;

    @Inject
    SecurityContext security;

    private ProjectPage projectPage;
    private List<AuditEntryView> recent;

    public ProjectPage getProjects() {
        if (projectPage == null) {
            projectPage = projects.page(ProjectFilter.ACTIVE, ProjectSort.DEFAULT, 0, SHOWN);
        }
        return projectPage;
    }

    /** The newest changes, for those who may read the audit trail; empty for others. */
    public List<AuditEntryView> getRecentChanges() {
        if (recent == null) {
            recent = readsAudit() ? auditLog.page(AuditQuery.ALL, null, SHOWN).entries() : List.of();
        }
        return recent;
    }

    public boolean isReadsAudit() {
        return readsAudit();
    }

    /** An administrator with nobody else to work with, or nothing to work on, yet. */
    public boolean isFirstSteps() {
        return security.isCallerInRole(GlobalRole.ADMIN_NAME)
                && (getProjects().total() == 0 || users.page(UserFilter.ALL, UserSort.DEFAULT, 0, 2).total() < 2);
    }

    public boolean isMayCreateProjects() {
        return security.isCallerInRole(GlobalRole.ADMIN_NAME) || security.isCallerInRole(GlobalRole.USER_NAME);
    }

    private boolean readsAudit() {
        return security.isCallerInRole(GlobalRole.ADMIN_NAME) || security.isCallerInRole(GlobalRole.AUDITOR_NAME);
    }
}
