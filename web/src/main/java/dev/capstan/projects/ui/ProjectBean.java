package dev.capstan.projects.ui;

import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.entity.HealthEndpoint;
import dev.capstan.projects.entity.ProjectPermission;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/**
 * A project's page ({@code project.xhtml?key=...}): loads the project the caller may read and
 * holds it for the tabs; the overview's own actions (describe, archive, unarchive). An unknown
 * key, or a project the caller may not see, answers 404 (BusinessExceptionHandler). The tabs'
 * beans call {@link #reload()} after each change.
 */
@Named("project")
@ViewScoped
public class ProjectBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Projects projects;

    private String key;
    private ProjectDetails details;

    private ProjectForm describing;
    /** The version the description dialog was opened on: saving over someone else's change is refused. */
    private long describingVersion;

    /** The f:viewAction of the page. */
    public void load() {
        details = projects.get(key);
    }

    public void reload() {
        details = projects.get(details.key());
    }

    public void editDescription() {
        describing = ProjectForm.of(details);
        describingVersion = details.version();
    }

    public void describe() {
        details = projects.describe(details.key(), describing.toInput(), describingVersion);
        info("Project " + details.key() + " saved.");
    }

    public void archive() {
        projects.archive(details.key());
        reload();
        info("Project " + details.key() + " archived: it stays readable and changes nothing until it is unarchived.");
    }

    public void unarchive() {
        projects.unarchive(details.key());
        reload();
        info("Project " + details.key() + " unarchived.");
    }

    /** May change the project now: maintainer or administrator, and the project is not archived. */
    public boolean isEditable() {
        return details != null && details.maintainable();
    }

    /** May archive or unarchive (an archived project can only be unarchived). */
    public boolean isMayMaintain() {
        return details != null && details.standing().allows(ProjectPermission.MAINTAIN);
    }

    /** The caller's standing in words, e.g. "maintainer". */
    public String getStanding() {
        return details == null ? "" : details.standing().name().toLowerCase(Locale.ROOT);
    }

    /** One line for a table: {@code /health → 200, 2 expectations}, or a dash. */
    public String endpoint(HealthEndpoint endpoint) {
        if (endpoint == null) {
            return "—";
        }
        int expectations = endpoint.expectations().size();
        return endpoint.url() + " → " + endpoint.expectedStatus()
                + (expectations == 0 ? "" : expectations == 1 ? ", 1 expectation" : ", " + expectations + " expectations");
    }

    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    /** The tabs in page order, as the address names them ({@code ?tab=members}). */
    private static final java.util.List<String> TABS = java.util.List.of("overview", "services", "environments", "members");

    private String tab;

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public int getTabIndex() {
        return Math.max(0, TABS.indexOf(tab == null ? "" : tab));
    }

    public void setTabIndex(int index) {
        tab = index >= 0 && index < TABS.size() ? TABS.get(index) : null;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public ProjectDetails getDetails() {
        return details;
    }

    public ProjectForm getDescribing() {
        return describing;
    }
}
