package dev.capstan.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timer;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit trail's persistent timers: a signed checkpoint at the top of every hour and a full
 * verification every night. Both are safe when a timer fires twice: a checkpoint is signed once
 * per hour slot, and a second verification only records the same result again.
 */
@Singleton
@PermitAll
public class AuditSchedule {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH':00Z'").withZone(ZoneOffset.UTC);

    @EJB
    AuditCheckpoints checkpoints;

    @EJB
    AuditVerification verification;

    @Schedule(hour = "*", minute = "0", persistent = true, info = "audit-checkpoint")
    void signHourlyCheckpoint(Timer timer) {
        checkpoints.signScheduled("hourly:" + HOUR.format(timer.getNextTimeout().toInstant().minusSeconds(3600)), "audit-checkpoint");
    }

    @Schedule(hour = "3", minute = "30", persistent = true, info = "audit-nightly-verification")
    void verifyNightly() {
        verification.verifyAsJob("audit-nightly-verification");
    }
}
