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
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    /** The view as the address keeps it (?q=...&archived=true&sort=name&order=desc&page=2): a reload or a link shows it again. */
    private String sortField;
    private boolean sortAscending = true;
    private int pageNumber = 1;
    static final int ROWS = 20;
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
            sortBy.values().stream().findFirst().ifPresent(meta -> {
                sortField = meta.getField();
                sortAscending = meta.getOrder() != SortOrder.DESCENDING;
            });
            ProjectSort sort = sortField != null && ProjectSort.sortsBy(sortField) ? ProjectSort.of(sortField, sortAscending) : ProjectSort.DEFAULT;
            ProjectPage page = projects.page(filter(), sort, first, pageSize);
            setRowCount((int) page.total());
            pageNumber = first / Math.max(1, pageSize) + 1;
            // The browser keeps this view in its address (capstan.js): the answer carries it as a callback parameter.
            PrimeFaces.current().ajax().addCallbackParam("address", getAddress());
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

    /** This view's address: the list with its search, archived switch, sort and page. */
    public String getAddress() {
        StringBuilder query = new StringBuilder();
        if (search != null && !search.isBlank()) {
            query.append("&q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (showArchived) {
            query.append("&archived=true");
        }
        if (sortField != null) {
            query.append("&sort=").append(URLEncoder.encode(sortField, StandardCharsets.UTF_8)).append(sortAscending ? "" : "&order=desc");
        }
        if (pageNumber > 1) {
            query.append("&page=").append(pageNumber);
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/projects/index.xhtml"
                + (query.length() == 0 ? "" : "?" + query.substring(1));
    }

    /** The first row the table shows, from the page the address names. */
    public int getFirst() {
        return (Math.max(1, pageNumber) - 1) * ROWS;
    }

    public void setFirst(int first) {
        pageNumber = first / ROWS + 1;
    }

    /** The sort the address names, for the table's header; null: the default (by key). */
    public SortMeta getInitialSort() {
        return sortField == null || !ProjectSort.sortsBy(sortField) ? null
                : SortMeta.builder().field(sortField).order(sortAscending ? SortOrder.ASCENDING : SortOrder.DESCENDING).build();
    }

    public String getSortField() {
        return sortField;
    }

    public void setSortField(String sortField) {
        this.sortField = sortField == null || sortField.isBlank() ? null : sortField;
    }

    public String getOrder() {
        return sortAscending ? "asc" : "desc";
    }

    public void setOrder(String order) {
        sortAscending = !"desc".equalsIgnoreCase(order);
    }

    public int getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(int pageNumber) {
        this.pageNumber = Math.max(1, pageNumber);
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
