package dev.capstan.projects.control;

import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.AuditUnavailableException;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.platform.AccessDeniedException;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.entity.Project;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a project is changed and audited, so that no boundary gets it wrong: guard, version
 * check, description before, change, flush, description after, and an entry with the difference
 * (none when nothing differs). A business rule's refusal is recorded as FAILED in a transaction of
 * its own, under the project and naming what the change was made to, as a success would be; the
 * guard's denials it has recorded itself.
 *
 * <p>A change's entries are written when all of it is done: a refusal halfway through (an import's
 * fifth change) must not wait for the audit chain's head, which entries already written would hold
 * locked until the rollback.
 */
@Dependent
public class AuditedChange {

    @Inject
    ProjectGuard guard;

    @Inject
    ProjectDirectory directory;

    @EJB
    AuditTrail audit;

    /** Adds what {@code add} makes (a service, say) to the project; {@code name} names it should a rule refuse. */
    public <T> T add(Caller caller, String action, ProjectPart<T> part, String projectKey, String name, Function<Project, T> add) {
        return guarded(caller, action, part.named(projectKey, name),
                (project, work) -> work.change(part, action, project, null, () -> add.apply(project), AuditDetails.none()));
    }

    /** Changes the part named {@code name}, if nobody changed it since {@code version}. */
    public <T> T update(Caller caller, String action, ProjectPart<T> part, String projectKey, String name, long version,
                        Consumer<Project> update) {
        return existing(caller, action, part, projectKey, name, version, update, false);
    }

    /** Changes the part named {@code name} whatever its version, e.g. archives a project. */
    public <T> T update(Caller caller, String action, ProjectPart<T> part, String projectKey, String name, Consumer<Project> update) {
        return existing(caller, action, part, projectKey, name, null, update, false);
    }

    public <T> void remove(Caller caller, String action, ProjectPart<T> part, String projectKey, String name, Consumer<Project> remove) {
        existing(caller, action, part, projectKey, name, null, remove, true);
    }

    private <T> T existing(Caller caller, String action, ProjectPart<T> part, String projectKey, String name, Long version,
                           Consumer<Project> apply, boolean removes) {
        return guarded(caller, action, part.named(projectKey, name), (project, work) -> {
            T before = work.found(part, part.get().apply(project, name));
            if (version != null) {
                ConcurrentChangeException.check(part.what() + name, version, part.version().applyAsLong(before));
            }
            return work.change(part, action, project, before, () -> {
                apply.accept(project);
                return removes ? null : before;
            }, AuditDetails.none());
        });
    }

    /** {@code work} on the project, once the guard let {@code caller} change it. */
    public <R> R guarded(Caller caller, String action, ProjectPart.Subject subject, BiFunction<Project, Work, R> work) {
        return run(action, subject, changes -> {
            Project project = changes.found(ProjectPart.PROJECT, guard.requireForChange(caller, subject.projectKey(), action));
            return work.apply(project, changes);
        });
    }

    /**
     * {@code work} that decides itself who may do it (creating a project, importing one); its
     * entries are written once it is done, a business rule's refusal of it is recorded.
     */
    public <R> R run(String action, ProjectPart.Subject subject, Function<Work, R> work) {
        Work changes = new Work(action, subject, audit::record);
        try {
            return changes.done(work.apply(changes));
        } catch (AccessDeniedException | AuditUnavailableException recordedOrUnrecordable) {
            throw recordedOrUnrecordable; // the guard recorded its denial; an unwritable trail takes no entry
        } catch (BusinessRuleException refused) {
            audit.recordRefusal(changes.refusal(), AuditOutcome.FAILED, refused.getMessage());
            throw refused;
        }
    }

    /** {@code work} done by a system job, whose entries name {@code actor}; a refusal is the job's to report. */
    public <R> R runAs(Actor actor, String action, ProjectPart.Subject subject, Function<Work, R> work) {
        Work changes = new Work(action, subject, event -> audit.record(actor, event, AuditOutcome.SUCCEEDED));
        return changes.done(work.apply(changes));
    }

    /** One audited change under way: the entries it will write, and what its refusal would name. */
    public final class Work {

        private final String action;
        private final ProjectPart.Subject subject;
        private final Consumer<AuditEvent> recorder;
        private final List<AuditEvent> entries = new ArrayList<>();
        private Object subjectId;
        private String projectKey;

        private Work(String action, ProjectPart.Subject subject, Consumer<AuditEvent> recorder) {
            this.action = action;
            this.subject = subject;
            this.recorder = recorder;
            this.projectKey = subject.projectKey();
        }

        /**
         * Changes one part of {@code project} from {@code before} (null: {@code apply} adds it) to
         * what {@code apply} returns (null: it removed it), and notes {@code action} with the
         * fields that differ, if any do.
         */
        public <T> T change(ProjectPart<T> part, String action, Project project, T before, Supplier<T> apply,
                            AuditDetails details) {
            Map<String, Object> was = before == null ? Map.of() : part.describe().apply(before);
            T after = apply.get();
            directory.flush(); // ids and versions as they are stored
            details.changes(was, after == null ? Map.of() : part.describe().apply(after));
            if (details.hasChanges()) {
                entries.add(part.event(action, project, after == null ? before : after).with(details));
            }
            return after;
        }

        /** Notes this change's own action on the project itself, e.g. what an import did as a whole. */
        public void record(Project project, AuditDetails details) {
            found(ProjectPart.PROJECT, project);
            entries.add(ProjectPart.PROJECT.event(action, project, project).with(details));
        }

        /** Refuses the caller outright, recorded as DENIED: e.g. an auditor creating a project. */
        public BusinessRuleException deny(String reason, String message) {
            return guard.refuse(action, reason, message);
        }

        /** Once found, what the change is made to is named by its id too, and its project by the key as stored. */
        private <T> T found(ProjectPart<T> part, T thing) {
            if (thing instanceof Project project) {
                projectKey = project.key();
            }
            if (part.type().equals(subject.type())) {
                subjectId = part.id().apply(thing);
            }
            return thing;
        }

        private <R> R done(R result) {
            entries.forEach(recorder);
            return result;
        }

        private AuditEvent refusal() {
            return new ProjectPart.Subject(subject.type(), projectKey, subject.name(), subject.environment())
                    .refusal(action, subjectId);
        }
    }
}
