package dev.capstan.access.control;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import dev.capstan.platform.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds users. Runs in the caller's transaction; boundaries decide what may be asked. */
@Dependent
public class UserDirectory {

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    public long count() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    public Optional<User> findByUsername(String username) {
        return em.createQuery("select u from User u where u.username = :username", User.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** Locks the row, so that concurrent sign-ins count every failure. */
    public Optional<User> findByUsernameForUpdate(String username) {
        return em.createQuery("select u from User u where u.username = :username", User.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public User get(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("There is no user with id " + id + ".");
        }
        return user;
    }

    public User getByUsername(String username) {
        return findByUsername(username)
                .orElseThrow(() -> new NotFoundException("There is no user named " + username + "."));
    }

    /**
     * Counts enabled administrators and locks their rows, so that two administrators cannot
     * disable each other at the same moment and leave none.
     */
    public long countEnabledAdminsLocking() {
        return em.createQuery("select u from User u join u.roles r where r = :admin and u.enabled = true", User.class)
                .setParameter("admin", GlobalRole.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().size();
    }

    public boolean exists(String username) {
        return findByUsername(username).isPresent();
    }

    public void add(User user) {
        em.persist(user);
        em.flush();
    }

    /** One page of users matching {@code filter}, in the order asked for. */
    public List<User> page(UserFilter filter, UserSort sort, int first, int size) {
        TypedQuery<User> query = em.createQuery("select u from User u" + where(filter)
                + " order by u." + sort.field() + (sort.ascending() ? " asc" : " desc") + ", u.id asc", User.class);
        bind(query, filter);
        return query.setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(UserFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(u) from User u" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    private static String where(UserFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.text().isPresent()) {
            conditions.add("(u.username like :text escape '\\' or lower(u.displayName) like :text escape '\\')");
        }
        if (filter.role().isPresent()) {
            conditions.add(":role member of u.roles");
        }
        if (filter.enabled().isPresent()) {
            conditions.add("u.enabled = :enabled");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(TypedQuery<?> query, UserFilter filter) {
        filter.text().ifPresent(text -> query.setParameter("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%"));
        filter.role().ifPresent(role -> query.setParameter("role", role));
        filter.enabled().ifPresent(enabled -> query.setParameter("enabled", enabled));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
