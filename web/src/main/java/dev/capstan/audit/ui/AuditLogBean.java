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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log: filters, and keyset paging (newer/older) over the boundary. Times typed into
 * the filters are in the viewer's time zone. The pages show the filters last applied with
 * Filter, so that a half-typed filter does not change what Older and Newer page through.
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

    /** The cursors of the pages before this one, to go back to newer entries. */
    private final Deque<Long> newerPages = new ArrayDeque<>();
    private Long current;
    private AuditEntryPage page;
    private AuditEntryView selected;

    public AuditEntryPage getPage() {
        if (page == null) {
            page = log.page(applied, current, PAGE_SIZE);
        }
        return page;
    }

    public void search() {
        applied = query();
        newerPages.clear();
        current = null;
        page = null;
        // The browser keeps the filters in its address (capstan.js); a page load has no ajax answer to carry it.
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().addCallbackParam("address", address());
        }
    }

    /** The log's address with its text filters and outcome; times and paging are left out. */
    private String address() {
        StringBuilder query = new StringBuilder();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("actor", actor);
        filters.put("action", action);
        filters.put("project", project);
        filters.put("environment", environment);
        filters.put("outcome", outcome == null ? null : outcome.name());
        filters.put("target", target);
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/audit/index.xhtml" + query;
    }

    public void older() {
        Long next = getPage().olderThan();
        if (next != null) {
            newerPages.push(current == null ? Long.MAX_VALUE : current);
            current = next;
            page = null;
        }
    }

    public void newer() {
        if (!newerPages.isEmpty()) {
            Long previous = newerPages.pop();
            current = previous == Long.MAX_VALUE ? null : previous;
            page = null;
        }
    }

    public boolean isNewest() {
        return newerPages.isEmpty();
    }

    public int getPageNumber() {
        return newerPages.size() + 1;
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

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public AuditEntryView getSelected() {
        return selected;
    }

    public void setSelected(AuditEntryView selected) {
        this.selected = selected;
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
