package dev.capstan.access.ui;

import dev.capstan.access.boundary.IssuedPassword;
import dev.capstan.access.boundary.UserAdministration;
import dev.capstan.access.boundary.UserPage;
import dev.capstan.access.boundary.UserView;
import dev.capstan.access.control.UserFilter;
import dev.capstan.access.control.UserSort;
import dev.capstan.access.entity.GlobalRole;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
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
import java.util.Set;

/** The Users page (ADMIN): list, filter, create, disable/enable, reset password, roles. */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    UserAdministration administration;

    private final UsersModel model = new UsersModel();

    private String filterText;
    private GlobalRole filterRole;
    private Boolean filterEnabled;

    private String newUsername;
    private String newDisplayName;
    private GlobalRole[] newRoles = {GlobalRole.USER};

    private UserView editing;
    private GlobalRole[] editingRoles;

    /** Shown once in a dialog, then dropped. */
    private IssuedPassword issued;

    public void create() {
        issued = administration.create(newUsername, newDisplayName, roles(newRoles));
        info("User " + issued.username() + " created.");
        newUsername = null;
        newDisplayName = null;
        newRoles = new GlobalRole[]{GlobalRole.USER};
    }

    public void disable(UserView user) {
        administration.disable(user.id());
        info("User " + user.username() + " disabled; their sessions have ended.");
    }

    public void enable(UserView user) {
        administration.enable(user.id());
        info("User " + user.username() + " enabled.");
    }

    public void resetPassword(UserView user) {
        issued = administration.resetPassword(user.id());
        info("Password of " + user.username() + " reset.");
    }

    public void editRoles(UserView user) {
        editing = user;
        editingRoles = user.roles().toArray(GlobalRole[]::new);
    }

    public void saveRoles() {
        administration.assignRoles(editing.id(), roles(editingRoles));
        info("Roles of " + editing.username() + " saved.");
        editing = null;
    }

    private static Set<GlobalRole> roles(GlobalRole[] selected) {
        Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
        if (selected != null) {
            roles.addAll(Arrays.asList(selected));
        }
        return roles;
    }

    public void forgetIssuedPassword() {
        issued = null;
    }

    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public GlobalRole[] getAllRoles() {
        return GlobalRole.values();
    }

    public LazyDataModel<UserView> getModel() {
        return model;
    }

    /** Pages, sorts and filters in the database, never in memory. */
    private class UsersModel extends LazyDataModel<UserView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) administration.page(filter(), UserSort.DEFAULT, 0, 1).total();
        }

        @Override
        public List<UserView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            UserSort sort = sortBy.values().stream().findFirst()
                    .map(meta -> UserSort.of(meta.getField(), meta.getOrder() != SortOrder.DESCENDING))
                    .orElse(UserSort.DEFAULT);
            UserPage page = administration.page(filter(), sort, first, pageSize);
            setRowCount((int) page.total());
            return page.rows();
        }

        @Override
        public String getRowKey(UserView user) {
            return Long.toString(user.id());
        }

        private UserFilter filter() {
            return new UserFilter(Optional.ofNullable(filterText), Optional.ofNullable(filterRole), Optional.ofNullable(filterEnabled));
        }
    }

    public String getFilterText() {
        return filterText;
    }

    public void setFilterText(String filterText) {
        this.filterText = filterText;
    }

    public GlobalRole getFilterRole() {
        return filterRole;
    }

    public void setFilterRole(GlobalRole filterRole) {
        this.filterRole = filterRole;
    }

    public Boolean getFilterEnabled() {
        return filterEnabled;
    }

    public void setFilterEnabled(Boolean filterEnabled) {
        this.filterEnabled = filterEnabled;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public GlobalRole[] getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(GlobalRole[] newRoles) {
        this.newRoles = newRoles;
    }

    public UserView getEditing() {
        return editing;
    }

    public GlobalRole[] getEditingRoles() {
        return editingRoles;
    }

    public void setEditingRoles(GlobalRole[] editingRoles) {
        this.editingRoles = editingRoles;
    }

    public IssuedPassword getIssued() {
        return issued;
    }
}
