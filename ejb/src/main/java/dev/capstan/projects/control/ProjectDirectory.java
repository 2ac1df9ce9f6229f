package dev.capstan.projects.control;

import java.sql.SQLException;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectRole;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds projects. Runs in the caller's transaction; boundaries decide who may ask. */
@Dependent
public class ProjectDirectory {

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    public Optional<Project> find(String key) {
        return em.createQuery("select p from Project p where p.key = :key", Project.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** Locks the project row: changes inside one project happen one at a time. */
    public Optional<Project> findForUpdate(String key) {
        return em.createQuery("select p from Project p where p.key = :key", Project.class)
                .setParameter("key", key).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public boolean exists(String key) {
        return find(key).isPresent();
    }

    /** Adds a new project; two people creating the same key at once: the second is told, not shown an error page. */
    public void add(Project project) {
        try {
            em.persist(project);
            em.flush();
        } catch (PersistenceException failed) {
            if (!isUniqueViolation(failed)) {
                throw failed;
            }
            throw new BusinessRuleException("key", "A project with the key " + project.key() + " exists already.");
        }
    }

    /** SQL state 23505, on PostgreSQL and H2 alike; the failed transaction can run no query to ask instead. */
    private static boolean isUniqueViolation(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Writes pending changes now, so that a broken constraint fails the action before it is audited. */
    public void flush() {
        em.flush();
    }

    /** A project as a list shows it: its own columns, how many services and environments, the viewer's role in it. */
    public record ListedProject(String key, String name, String owningTeam, boolean archived, Instant createdAt,
                                long services, long environments, ProjectRole viewerRole) {
    }

    /**
     * One page of the projects {@code username} may see (all of them when {@code everything}),
     * matching {@code filter}, in the order asked for. One statement whatever the page's size: the
     * counts and the viewer's role come from subqueries, not from loading each project's parts.
     */
    public List<ListedProject> page(ProjectFilter filter, boolean everything, String username, ProjectSort sort, int first, int size) {
        TypedQuery<ListedProject> query = em.createQuery("select new " + ListedProject.class.getName()
                + "(p.key, p.name, p.owningTeam, p.archived, p.createdAt,"
                + " (select count(s) from Service s where s.project = p),"
                + " (select count(e) from Environment e where e.project = p),"
                + " (select m.role from Membership m where m.project = p and m.user.username = :viewer))"
                + " from Project p" + where(filter, everything)
                + " order by " + sort.orderBy() + ", p.id asc", ListedProject.class);
        bind(query, filter, everything, username);
        query.setParameter("viewer", username);
        return query.setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(ProjectFilter filter, boolean everything, String username) {
        TypedQuery<Long> query = em.createQuery("select count(p) from Project p" + where(filter, everything), Long.class);
        bind(query, filter, everything, username);
        return query.getSingleResult();
    }

    private static String where(ProjectFilter filter, boolean everything) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!everything) {
            where.append(" and exists (select m from Membership m where m.project = p and m.user.username = :username)");
        }
        if (filter.text().isPresent()) {
            where.append(" and (lower(p.key) like :text escape '\\' or lower(p.name) like :text escape '\\'"
                    + " or lower(coalesce(p.owningTeam, '')) like :text escape '\\')");
        }
        if (!filter.includeArchived()) {
            where.append(" and p.archived = false");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, ProjectFilter filter, boolean everything, String username) {
        if (!everything) {
            query.setParameter("username", username);
        }
        filter.text().ifPresent(text -> query.setParameter("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
