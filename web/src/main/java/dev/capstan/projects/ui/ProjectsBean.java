package dev.capstan.projects.ui;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.boundary.ProjectPage;
import dev.capstan.projects.boundary.ProjectSummary;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.control.ProjectFilter;
import dev.capstan.projects.control.ProjectSort;
import dev.capstan.projects.entity.ProjectStanding;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The projects list: those the caller may see, searched, sorted and paged in the database; a new project. */
@Named("projects")
@ViewScoped
public class ProjectsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Projects projects;

    @Inject
    SecurityContext security;

    private final ProjectsModel model = new ProjectsModel();

    private String search;
    private boolean showArchived;
    private ProjectForm creating = new ProjectForm();

    /** Creates the project and opens its page; the creator (unless an administrator) is its first maintainer. */
    public String create() {
        ProjectDetails created = projects.create(creating.toInput());
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Project " + created.key() + " created.", null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        creating = new ProjectForm();
        return "/projects/project?faces-redirect=true&key=" + created.key();
    }

    /** Auditors only read, so they are not offered "New project" (the boundary refuses them anyway). */
    public boolean isMayCreate() {
        return ProjectStanding.mayCreateProjects(Arrays.stream(GlobalRole.values())
                .filter(role -> security.isCallerInRole(role.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GlobalRole.class))));
    }

    public LazyDataModel<ProjectSummary> getModel() {
        return model;
    }

    /** Pages, sorts and searches in the database, never in memory. */
    private class ProjectsModel extends LazyDataModel<ProjectSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) projects.page(filter(), ProjectSort.DEFAULT, 0, 1).total();
        }

        @Override
        public List<ProjectSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ProjectSort sort = sortBy.values().stream().findFirst()
                    .map(meta -> ProjectSort.of(meta.getField(), meta.getOrder() != SortOrder.DESCENDING))
                    .orElse(ProjectSort.DEFAULT);
            ProjectPage page = projects.page(filter(), sort, first, pageSize);
            setRowCount((int) page.total());
            return page.rows();
        }

        @Override
        public String getRowKey(ProjectSummary project) {
            return project.key();
        }

        private ProjectFilter filter() {
            return new ProjectFilter(Optional.ofNullable(search), showArchived);
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public boolean isShowArchived() {
        return showArchived;
    }

    public void setShowArchived(boolean showArchived) {
        this.showArchived = showArchived;
    }

    public ProjectForm getCreating() {
        return creating;
    }
}
