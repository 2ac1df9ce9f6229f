package dev.capstan.access.ui;

import dev.capstan.access.boundary.ApiTokens;
import dev.capstan.access.boundary.ApiTokens.IssuedToken;
import dev.capstan.access.boundary.ApiTokens.TokenView;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The API tokens page: make one (shown once), see one's tokens with their last use, revoke one. */
@Named("apiTokens")
@ViewScoped
public class ApiTokensBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApiTokens tokens;

    @Inject
    transient FacesContext faces;

    private String name;
    private Integer days = 90;
    private String projectKey;
    private boolean readOnly;
    /** The token just made: on this page, this once. */
    private String issued;
    private List<TokenView> mine;

    public void create() {
        IssuedToken made = tokens.create(name, days == null ? 0 : days, projectKey, readOnly);
        issued = made.secret();
        name = null;
        projectKey = null;
        readOnly = false;
        mine = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Token " + made.token().name()
                + " made. Copy it now: Capstan keeps only a fingerprint of it and cannot show it again.", null));
    }

    public void revoke(long id) {
        tokens.revoke(id);
        mine = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "The token is revoked: calls with it are refused from now on.", null));
    }

    public List<TokenView> getMine() {
        if (mine == null) {
            mine = tokens.mine();
        }
        return mine;
    }

    public String getIssued() {
        return issued;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }
}
