package dev.capstan.audit.control;

import dev.capstan.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The time audit entries are dated with. On PostgreSQL it is the database's clock
 * ({@code clock_timestamp()}), which a trigger holds every inserted entry to, so no client (not
 * even Capstan's own role) can date an entry; on the embedded database, the server's clock.
 */
@ApplicationScoped
public class DatabaseClock {

    private final boolean postgresql = "postgresql".equals(Settings.text("capstan.db.driver").orElse(""));

    @Inject
    Clock clock;

    public Instant now(EntityManager em) {
        if (!postgresql) {
            return clock.instant();
        }
        Object now = em.createNativeQuery("SELECT clock_timestamp()").getSingleResult();
        if (now instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (now instanceof Instant time) {
            return time;
        }
        return ((Timestamp) now).toInstant();
    }
}
