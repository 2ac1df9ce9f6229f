package dev.capstan.projects.ui;

import dev.capstan.platform.BusinessRuleException;
import dev.capstan.projects.boundary.ProjectConfig;
import dev.capstan.projects.control.ProjectYaml;
import dev.capstan.projects.control.ImportPlan;
import dev.capstan.platform.ui.Downloads;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Config as code on pages: a project downloaded as YAML, and YAML (pasted or uploaded) imported
 * after a dry run that shows every change.
 */
@Named("projectConfig")
@ViewScoped
public class ProjectConfigBean implements Serializable {

    private static final long serialVersionUID = 1L;
    @EJB
    transient ProjectConfig config;

    private String yaml;
    private transient Part upload;
    private ImportPlan plan;

    /** Shows what importing the pasted or uploaded YAML would change; changes nothing. */
    public void preview() throws IOException {
        if (upload != null && upload.getSize() > 0) {
            yaml = read(upload);
        }
        plan = null;
        plan = config.preview(yaml == null ? "" : yaml);
    }

    /** Applies the plan that was shown, then opens the project. */
    public String apply() {
        ImportPlan applied = config.apply(yaml, plan.fingerprint());
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, (applied.newProject() ? "Project " + applied.projectKey()
                + " imported" : "Project " + applied.projectKey() + " updated") + ": " + applied.changes().size()
                + (applied.changes().size() == 1 ? " change" : " changes") + " applied.", null));
        return "/projects/project.xhtml?faces-redirect=true&key=" + applied.projectKey();
    }

    public void startOver() {
        plan = null;
    }

    /** The project as a YAML download, e.g. {@code korrigo.yaml}. */
    public void export(String key) throws IOException {
        String text = config.export(key);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        Downloads.start(external, "application/yaml; charset=UTF-8", key + ".yaml");
        external.getResponseOutputWriter().write(text);
        faces.responseComplete();
    }

    private static String read(Part part) throws IOException {
        // The reader's own limit, checked before the upload is read into memory.
        if (part.getSize() > ProjectYaml.MAX_BYTES) {
            throw new BusinessRuleException("upload", "The file is larger than " + ProjectYaml.MAX_BYTES / 1024
                    + " KB; a project file is far smaller.");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public String getYaml() {
        return yaml;
    }

    public void setYaml(String yaml) {
        this.yaml = yaml;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public ImportPlan getPlan() {
        return plan;
    }
}
