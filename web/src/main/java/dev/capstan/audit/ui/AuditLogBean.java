package dev.capstan.audit.ui;

import dev.capstan.audit.boundary.AuditEntryPage;
import dev.capstan.audit.boundary.AuditEntryView;
import dev.capstan.audit.boundary.AuditExport;
import dev.capstan.audit.boundary.AuditLog;
import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.ui.Preferences;
import dev.capstan.platform.ui.Downloads;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log: filters, and keyset paging (newer/older) over the boundary. Times typed into
 * the filters are in the viewer's time zone. The pages show the filters last applied with
 * Filter, so that a half-typed filter does not change what Older and Newer page through; the
 * address keeps those filters and the page, so that a reload or a link shows the same entries.
 */
@Named("auditLog")
@ViewScoped
public class AuditLogBean implements Serializable {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @EJB
    transient AuditLog log;

    @EJB
    transient AuditExport exports;

    @Inject
    Preferences preferences;

    private LocalDateTime from;
    private LocalDateTime to;
    private String actor;
    private String action;
    private String project;
    private String environment;
    private AuditOutcome outcome;
    private String target;
    private AuditQuery applied = AuditQuery.ALL;

    /** The cursor of the page shown: entries before this sequence number; null for the newest. */
    private Long before;
    private AuditEntryView selected;

    /**
     * The entries shown, read once per request and not kept with the view: a session keeps many
     * views, and each would otherwise hold its 50 entries for as long as the session lives.
     */
    public AuditEntryPage getPage() {
        return (AuditEntryPage) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent(this, bean -> log.page(applied, before, PAGE_SIZE));
    }

    private void forgetPage() {
        FacesContext.getCurrentInstance().getAttributes().remove(this);
    }

    /** Shows what the address names: its filters and, past the newest page, its cursor. */
    public void open() {
        applied = query();
        forgetPage();
    }

    public void search() {
        applied = query();
        before = null;
        forgetPage();
        keepAddress();
    }

    public void older() {
        Long next = getPage().olderThan();
        if (next != null) {
            before = next;
            forgetPage();
        }
        keepAddress();
    }

    public void newer() {
        if (before != null) {
            before = log.newerThan(applied, before, PAGE_SIZE);
            forgetPage();
        }
        keepAddress();
    }

    public boolean isNewest() {
        return before == null;
    }

    /** The browser keeps the view in its address (capstan.js); a page load has no ajax answer to carry it. */
    private void keepAddress() {
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().addCallbackParam("address", address());
        }
    }

    /** The log's address: the filters applied (times as UTC instants, so that a link means the same anywhere) and the page. */
    private String address() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("from", applied.from() == null ? null : applied.from().toString());
        parts.put("until", applied.to() == null ? null : applied.to().toString());
        parts.put("actor", applied.actor());
        parts.put("action", applied.action());
        parts.put("project", applied.project());
        parts.put("environment", applied.environment());
        parts.put("outcome", applied.outcome() == null ? null : applied.outcome().name());
        parts.put("target", applied.target());
        parts.put("before", before == null ? null : before.toString());
        StringBuilder query = new StringBuilder();
        parts.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/audit/index.xhtml" + query;
    }

    public void exportJsonLines() throws IOException {
        export(AuditExport.Format.JSON_LINES);
    }

    public void exportCsv() throws IOException {
        export(AuditExport.Format.CSV);
    }

    /** The filtered log as a download, streamed; the export is recorded before any entry leaves. */
    private void export(AuditExport.Format format) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuditQuery query = query();
        exports.recordExport(query, format);
        Downloads.start(external, format.contentType, "capstan-audit-" + FILE_TIME.format(Instant.now()) + "." + format.extension);
        exports.write(query, format, external.getResponseOutputWriter());
        faces.responseComplete();
    }

    /** The typed filters; a range that ends before it starts is refused (beside Until) rather than shown empty. */
    private AuditQuery query() {
        Instant start = instant(from);
        Instant end = instant(to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new BusinessRuleException("to", "Until must be later than From.");
        }
        return new AuditQuery(start, end, actor, action, project, environment, outcome, target);
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(preferences.getZone()).toInstant();
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, preferences.getZone());
    }

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public AuditEntryView getSelected() {
        return selected;
    }

    public void setSelected(AuditEntryView selected) {
        this.selected = selected;
    }

    public Instant getFromInstant() {
        return instant(from);
    }

    public void setFromInstant(Instant instant) {
        from = local(instant);
    }

    public Instant getUntilInstant() {
        return instant(to);
    }

    public void setUntilInstant(Instant instant) {
        to = local(instant);
    }

    public Long getBefore() {
        return before;
    }

    /** From the address only: Faces sets view parameters again on every postback, with the address the view was opened with. */
    public void setBefore(Long before) {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            this.before = before;
        }
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
