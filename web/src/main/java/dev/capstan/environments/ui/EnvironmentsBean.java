package dev.capstan.environments.ui;

import dev.capstan.environments.boundary.Environments;
import dev.capstan.environments.entity.DeploymentTarget;
import dev.capstan.environments.entity.ServiceOverride;
import dev.capstan.environments.entity.TargetKind;
import dev.capstan.environments.entity.Tier;
import dev.capstan.platform.Codes;
import dev.capstan.projects.boundary.ProjectDetails.EnvironmentView;
import dev.capstan.projects.boundary.ProjectDetails.ServiceView;
import dev.capstan.projects.ui.ProjectBean;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The environments tab of a project's page: the environment dialog (add or edit) and removing one. */
@Named("projectEnvironments")
@ViewScoped
public class EnvironmentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> TIERS = Arrays.stream(Tier.values()).map(Codes::code).toList();
    private static final List<String> TARGET_KINDS = Arrays.stream(TargetKind.values()).map(Codes::code).toList();

    @EJB
    Environments environments;

    @Inject
    ProjectBean project;

    private EnvironmentForm form = new EnvironmentForm();
    /** The environment being edited and the version it was loaded at; null when adding one. */
    private String editing;
    private long editingVersion;

    public void startAdding() {
        form = new EnvironmentForm();
        editing = null;
    }

    public void startEditing(EnvironmentView environment) {
        form = EnvironmentForm.of(environment.definition());
        editing = environment.name();
        editingVersion = environment.version();
    }

    public void save() {
        if (editing == null) {
            environments.add(project.getDetails().key(), form.toInput());
        } else {
            environments.update(project.getDetails().key(), editing, form.toInput(), editingVersion);
        }
        project.reload();
        ProjectBean.info("Environment " + form.getName() + " saved.");
    }

    public void remove(EnvironmentView environment) {
        environments.remove(project.getDetails().key(), environment.name());
        project.reload();
        ProjectBean.info("Environment " + environment.name() + " removed.");
    }

    /** One line for the table, settings in the kind's order: {@code ssh-host: host=app-1, user=deploy}, or {@code none}. */
    public String target(DeploymentTarget target) {
        if (target.settings().isEmpty()) {
            return Codes.code(target.kind());
        }
        return Codes.code(target.kind()) + ": " + target.kind().settings().stream()
                .filter(setting -> target.settings().containsKey(setting.name()))
                .map(setting -> setting.name() + "=" + target.settings().get(setting.name()))
                .collect(Collectors.joining(", "));
    }

    /** One line per override for the table, e.g. {@code worker disabled}. */
    public String overrides(List<ServiceOverride> overrides) {
        return overrides.isEmpty() ? "—" : overrides.stream().map(ServiceOverride::toString).collect(Collectors.joining("; "));
    }

    public boolean isAdding() {
        return editing == null;
    }

    public EnvironmentForm getForm() {
        return form;
    }

    public List<String> getTiers() {
        return TIERS;
    }

    public List<String> getTargetKinds() {
        return TARGET_KINDS;
    }

    /** What an override may name: the project's services. */
    public List<String> getServiceNames() {
        return project.getDetails().services().stream().map(ServiceView::name).toList();
    }
}
