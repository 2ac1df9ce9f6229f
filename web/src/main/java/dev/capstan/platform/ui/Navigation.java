package dev.capstan.platform.ui;

import dev.capstan.access.entity.GlobalRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.util.List;

/**
 * The sections of the top bar that the signed-in person's roles may use. Hiding a section is a
 * courtesy: every page and service checks the role again on the server.
 */
@Named
@RequestScoped
public class Navigation {

    /** A section of the portal. Sections not built yet (deployments, backups, health) are not listed at all. */
    public record Section(String label, String view, String icon, List<String> roles) {
    }

    private static final List<String> EVERYONE = List.of(GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME);

    static final List<Section> SECTIONS = List.of(
            new Section("Dashboard", "/index.xhtml", "pi pi-home", EVERYONE),
            new Section("Projects", "/projects/index.xhtml", "pi pi-folder", EVERYONE),
            new Section("Audit", "/audit/index.xhtml", "pi pi-shield", List.of(GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME)),
            new Section("Admin", "/admin/users.xhtml", "pi pi-users", List.of(GlobalRole.ADMIN_NAME)));

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    public List<Section> getSections() {
        return SECTIONS.stream().filter(section -> section.roles().stream().anyMatch(security::isCallerInRole)).toList();
    }

    public boolean isCurrent(Section section) {
        String viewId = faces.getViewRoot().getViewId();
        String folder = section.view().substring(0, section.view().lastIndexOf('/') + 1);
        return folder.equals("/") ? section.view().equals(viewId) : viewId.startsWith(folder);
    }

}
