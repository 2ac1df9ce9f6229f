package dev.capstan.access.control;

import dev.capstan.access.entity.ApiToken;
import dev.capstan.platform.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The API tokens, found by their hash (a call) or by owner (their page). */
@Dependent
public class TokenDirectory {

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    public Optional<ApiToken> findBySecret(String secret) {
        return em.createQuery("select t from ApiToken t join fetch t.owner where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", ApiToken.hash(secret)).getResultStream().findFirst();
    }

    /** Newest first; revoked ones too, so that a person sees what they revoked. */
    public List<ApiToken> ownedBy(String username) {
        return em.createQuery("select t from ApiToken t join fetch t.owner where t.owner.username = :username order by t.createdAt desc, t.id desc",
                ApiToken.class).setParameter("username", username).getResultList();
    }

    public ApiToken getOwned(String username, long id) {
        return em.createQuery("select t from ApiToken t where t.owner.username = :username and t.id = :id", ApiToken.class)
                .setParameter("username", username).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("You have no token with id " + id + "."));
    }

    public boolean nameTaken(String username, String name) {
        return !em.createQuery("select t.id from ApiToken t where t.owner.username = :username and t.name = :name", Long.class)
                .setParameter("username", username).setParameter("name", name).setMaxResults(1).getResultList().isEmpty();
    }

    public void add(ApiToken token) {
        em.persist(token);
    }
}
