package dev.capstan.projects.ui;

import dev.capstan.platform.Codes;
import dev.capstan.projects.boundary.ProjectDetails.ServiceView;
import dev.capstan.projects.boundary.Services;
import dev.capstan.projects.entity.ServiceKind;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The services tab of a project's page: the service dialog (add or edit) and removing a service. */
@Named("projectServices")
@ViewScoped
public class ServicesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> KINDS = Arrays.stream(ServiceKind.values()).map(Codes::code).toList();
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @EJB
    Services services;

    @Inject
    ProjectBean project;

    private ServiceForm form = new ServiceForm();
    /** The service being edited and the version it was loaded at; null when adding one. */
    private String editing;
    private long editingVersion;

    public void startAdding() {
        form = new ServiceForm();
        editing = null;
    }

    public void startEditing(ServiceView service) {
        form = ServiceForm.of(service.definition());
        editing = service.name();
        editingVersion = service.version();
    }

    public void save() {
        if (editing == null) {
            services.add(project.getDetails().key(), form.toInput());
        } else {
            services.update(project.getDetails().key(), editing, form.toInput(), editingVersion);
        }
        project.reload();
        ProjectBean.info("Service " + form.getName() + " saved.");
    }

    public void remove(ServiceView service) {
        services.remove(project.getDetails().key(), service.name());
        project.reload();
        ProjectBean.info("Service " + service.name() + " removed.");
    }

    public boolean isAdding() {
        return editing == null;
    }

    public ServiceForm getForm() {
        return form;
    }

    public List<String> getKinds() {
        return KINDS;
    }

    public List<String> getMethods() {
        return METHODS;
    }
}
