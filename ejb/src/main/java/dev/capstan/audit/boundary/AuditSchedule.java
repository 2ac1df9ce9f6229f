package dev.capstan.audit.boundary;

import dev.capstan.audit.control.HeadWitness;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.Settings;
import jakarta.annotation.Resource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail's timers: a signed checkpoint at the top of every hour, a full verification
 * every night (both persistent), and the chain head written to the witness every minute, at
 * start and at shutdown. All are safe when a timer fires twice: a checkpoint is signed once per
 * hour slot, a second verification records the same result again, the witness keeps the newest head.
 */
@Startup
@Singleton
@DependsOn("AuditKeyCheck")
@PermitAll
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH':00Z'").withZone(ZoneOffset.UTC);

    @EJB
    AuditCheckpoints checkpoints;

    @EJB
    AuditVerification verification;

    @Resource
    TimerService timers;

    @Inject
    HeadWitness headWitness;

    @Inject
    AuditChainer chainer;

    @Schedule(hour = "*", minute = "0", persistent = true, info = "audit-checkpoint")
    void signHourlyCheckpoint(Timer timer) {
        try {
            checkpoints.signScheduled("hourly:" + HOUR.format(timer.getNextTimeout().toInstant().minusSeconds(3600)), "audit-checkpoint");
        } catch (BusinessRuleException refused) {
            // logged and recorded where it was refused; a retry would refuse again
        }
    }

    @Schedule(hour = "3", minute = "30", persistent = true, info = "audit-nightly-verification")
    void verifyNightly() {
        verification.verifyAsJob("audit-nightly-verification");
    }

    /** Every minute unless CAPSTAN_AUDIT_WITNESS_INTERVAL says otherwise (tests use seconds). */
    @PostConstruct
    void witnessHeadAtStart() {
        witnessHead();
        long every = Settings.duration("capstan.audit.witness-interval", Duration.ofMinutes(1)).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("audit-witness-head", false));
    }

    /** Entries left pending (a crash between an action's commit and its link) are linked first. */
    @Timeout
    void witnessHead() {
        chainer.linkAll();
        try {
            headWitness.witness();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The audit chain head could not be written to the witness", e);
        }
    }

    @PreDestroy
    void witnessHeadAtShutdown() {
        witnessHead();
    }
}
