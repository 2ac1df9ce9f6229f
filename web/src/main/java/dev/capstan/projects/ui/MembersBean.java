package dev.capstan.projects.ui;

import dev.capstan.projects.boundary.Members;
import dev.capstan.projects.boundary.ProjectDetails.MemberView;
import dev.capstan.projects.entity.ProjectRole;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The members tab of a project's page: add a member, change a member's role, remove one. */
@Named("projectMembers")
@ViewScoped
public class MembersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Members members;

    @Inject
    ProjectBean project;

    @Inject
    SecurityContext security;

    private String username;
    private java.util.Map<String, String> labels;
    private ProjectRole role = ProjectRole.VIEWER;
    private boolean productionDeploys;

    /** The member whose role is being changed, as loaded (with its version). */
    private MemberView changing;

    public void startAdding() {
        username = null;
        role = ProjectRole.VIEWER;
        productionDeploys = false;
    }

    /** What the user name field suggests as one types: user names, each labelled with its display name. */
    public List<String> complete(String typed) {
        List<Members.Candidate> found = members.candidates(project.getDetails().key(), typed);
        labels = found.stream().collect(Collectors.toMap(Members.Candidate::username,
                candidate -> candidate.username() + " (" + candidate.displayName() + ")", (a, b) -> a));
        return found.stream().map(Members.Candidate::username).toList();
    }

    public String label(String username) {
        return labels == null ? username : labels.getOrDefault(username, username);
    }

    public void add() {
        MemberView added = members.add(project.getDetails().key(), username, role, productionDeploys);
        project.reload();
        ProjectBean.info(added.username() + " is now a " + added.role().name().toLowerCase(Locale.ROOT) + " of " + project.getDetails().key() + ".");
    }

    public void startChanging(MemberView member) {
        changing = member;
        role = member.role();
        productionDeploys = member.productionDeploys();
    }

    public void change() {
        MemberView changed = members.change(project.getDetails().key(), changing.username(), role, productionDeploys, changing.version());
        project.reload();
        ProjectBean.info("Role of " + changed.username() + " saved.");
    }

    /** Removing oneself ends one's view of the project (unless an administrator or auditor): back to the list then. */
    public String remove(MemberView member) {
        members.remove(project.getDetails().key(), member.username());
        ProjectBean.info(member.username() + " is no longer a member of " + project.getDetails().key() + ".");
        if (member.username().equals(security.getCallerPrincipal().getName())) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/projects/index?faces-redirect=true";
        }
        project.reload();
        return null;
    }

    public ProjectRole[] getRoles() {
        return ProjectRole.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public ProjectRole getRole() {
        return role;
    }

    public void setRole(ProjectRole role) {
        this.role = role;
    }

    public boolean isProductionDeploys() {
        return productionDeploys;
    }

    public void setProductionDeploys(boolean productionDeploys) {
        this.productionDeploys = productionDeploys;
    }

    public MemberView getChanging() {
        return changing;
    }
}
