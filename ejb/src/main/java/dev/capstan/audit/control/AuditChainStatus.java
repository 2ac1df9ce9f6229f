package dev.capstan.audit.control;

import dev.capstan.audit.entity.ChainVerification;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the newest verification on this node found, for monitoring (metrics, the dashboard):
 * intact or not, and up to which entry. Unknown until the first verification after start-up.
 */
@ApplicationScoped
public class AuditChainStatus {

    /** One verification's outcome. {@code lastVerifiedSequence}: the newest entry it checked. */
    public record Verified(boolean intact, long lastVerifiedSequence, Long firstBadSequence, Instant at) {
    }

    private final AtomicReference<Verified> last = new AtomicReference<>();

    public void verified(ChainVerification result, long lastSequence, Instant at) {
        last.set(new Verified(result.isIntact(), lastSequence, result.firstBadSequence(), at));
    }

    /** Empty until a verification ran since this node started. */
    public Optional<Verified> last() {
        return Optional.ofNullable(last.get());
    }

    /** 1 intact, 0 damaged, -1 not verified since start-up (Prometheus gauges want a number). */
    public int intactGauge() {
        Verified verified = last.get();
        return verified == null ? -1 : verified.intact() ? 1 : 0;
    }

    /** The newest entry the last verification checked; 0 before the first. */
    public long lastVerifiedSequenceGauge() {
        Verified verified = last.get();
        return verified == null ? 0 : verified.lastVerifiedSequence();
    }
}
