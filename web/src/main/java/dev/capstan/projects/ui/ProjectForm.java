package dev.capstan.projects.ui;

import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.entity.ProjectInput;

import java.io.Serializable;

/** A project's own fields as a dialog edits them: key (only when creating), name, description, team. */
public class ProjectForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String key;
    private String name;
    private String description;
    private String owningTeam;

    static ProjectForm of(ProjectDetails project) {
        ProjectForm form = new ProjectForm();
        form.key = project.key();
        form.name = project.name();
        form.description = project.description();
        form.owningTeam = project.owningTeam();
        return form;
    }

    ProjectInput toInput() {
        return new ProjectInput(key, name, description, owningTeam);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwningTeam() {
        return owningTeam;
    }

    public void setOwningTeam(String owningTeam) {
        this.owningTeam = owningTeam;
    }
}
