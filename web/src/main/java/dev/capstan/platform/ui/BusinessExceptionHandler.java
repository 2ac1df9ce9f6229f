package dev.capstan.platform.ui;

import dev.capstan.audit.boundary.AuditUnavailableException;
import dev.capstan.audit.ui.AccessDenials;
import dev.capstan.platform.AccessDeniedException;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.DatabaseUnavailableException;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.platform.NotFoundException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.RollbackException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a broken business rule into a message on the page (beside its field when it names one)
 * and a refused EJB call into "not allowed", so that backing beans need no try/catch. A page
 * that asks for something that is not there, or that the caller may not know exists, answers
 * with the 404 page. When the database is out of reach, an action says so in a message and a
 * page being opened answers 503 with the "database unavailable" page; an action rolled back at
 * commit (its audit entry refused only then) is told as the audit trail's refusal. Anything else
 * is left to the wrapped handler, which shows the error page without a stack trace.
 *
 * <p>Where a message goes: each {@link FieldError} (or the field of a single
 * {@link BusinessRuleException}) goes beside the input that holds that field in the form that
 * was submitted. An input says which field it holds with a {@code field} attribute where the
 * field's name is no valid component id or differs per row, e.g.
 * {@code <p:inputText id="livenessUrl" field="liveness.url"/>} or
 * {@code field="smokeChecks[#{row.index}].path"} in a {@code ui:repeat} (Facelets keeps an
 * attribute the tag does not declare as a component attribute; renderers ignore it). Otherwise
 * its id is the field's name ({@code name}, {@code deployOrder}). A message whose field no input
 * holds is shown at the top: in the dialog's {@code p:messages}, else in the growl.
 */
public class BusinessExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(BusinessExceptionHandler.class.getName());
    static final String NOT_ALLOWED = "You are not allowed to do that.";
    /** The attribute an input names its field with, when its id cannot. */
    static final String FIELD_ATTRIBUTE = "field";

    public BusinessExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            Optional<BusinessRuleException> broken = find(thrown, BusinessRuleException.class);
            if (broken.isPresent() && isNotFound(broken.get()) && !faces.isPostback()) {
                // Opening a page (a GET, e.g. its f:viewAction): answer as for a page that does not exist.
                sendError(faces, HttpServletResponse.SC_NOT_FOUND, broken.get().getMessage());
                events.remove();
            } else if (broken.isPresent()) {
                boolean several = broken.get() instanceof InvalidInputException;
                for (FieldError error : errorsOf(broken.get())) {
                    Optional<String> input = error.field() == null ? Optional.empty() : clientIdOf(faces, error.field());
                    // At the top, one of several problems names its field (e.g. services[4].kind of an imported file).
                    boolean named = several && input.isEmpty() && error.field() != null;
                    report(faces, input.orElse(null), named ? error.field() + ": " + error.message() : error.message());
                }
                events.remove();
            } else if (find(thrown, EJBAccessException.class).isPresent()) {
                EJBAccessException refused = find(thrown, EJBAccessException.class).get();
                LOG.warning(() -> "Refused for " + faces.getExternalContext().getRemoteUser() + ": " + refused.getMessage());
                CDI.current().select(AccessDenials.class).get()
                        .recordRefusedOperation(faces.getViewRoot().getViewId(), refused.getMessage());
                report(faces, null, NOT_ALLOWED);
                events.remove();
            } else if (DatabaseUnavailableException.isOutage(thrown) && !faces.getExternalContext().isResponseCommitted()) {
                // (Once part of the page has gone out, e.g. a table loading as it renders, only the wrapped handler can end it.)
                LOG.warning(() -> requestPath(faces) + " found the database unavailable: " + DatabaseUnavailableException.rootMessage(thrown));
                if (faces.isPostback()) {
                    report(faces, null, DatabaseUnavailableException.DURING_REQUEST);
                } else {
                    sendError(faces, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseUnavailableException.DURING_REQUEST);
                }
                events.remove();
            } else if (find(thrown, RollbackException.class).isPresent()) {
                // A change commits only with its audit entry: rolled back at commit, neither is recorded.
                LOG.log(Level.SEVERE, requestPath(faces) + " was rolled back at commit; the action is not done", thrown);
                report(faces, null, new AuditUnavailableException().getMessage());
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /** Not there, or concealed from the caller (who may not learn that it exists; the guard has audited it). */
    private static boolean isNotFound(BusinessRuleException broken) {
        return broken instanceof NotFoundException || broken instanceof AccessDeniedException denied && denied.concealed();
    }

    /** Each problem of an invalid input on its own, else the one message, beside the field it names if any. */
    private static List<FieldError> errorsOf(BusinessRuleException broken) {
        if (broken instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors();
        }
        return List.of(new FieldError(broken.field().orElse(null), broken.getMessage()));
    }

    private static String requestPath(FacesContext faces) {
        return faces.getExternalContext().getRequestServletPath();
    }

    /** Answers with the error page of {@code status} (web.xml) instead of the page asked for. */
    private static void sendError(FacesContext faces, int status, String message) {
        try {
            faces.getExternalContext().responseSendError(status, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    private static void report(FacesContext faces, String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
        faces.renderResponse();
    }

    /**
     * The client id of the rendered input holding {@code field}, looked for in the submitted form
     * only: several dialogs of one page have an input for {@code name}.
     */
    private static Optional<String> clientIdOf(FacesContext faces, String field) {
        UIComponent scope = submittedForm(faces).orElse(faces.getViewRoot());
        String[] found = new String[1];
        // Visiting (not findComponent) goes through each row of a ui:repeat or table, so a row's
        // attribute reads that row's index, and unrendered inputs are skipped.
        scope.visitTree(VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_UNRENDERED)), (context, component) -> {
            if (component instanceof UIInput && field.equals(fieldOf(component))) {
                // Not setValid(false): after the model update, PrimeFaces would then render the input empty.
                found[0] = component.getClientId(faces);
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return Optional.ofNullable(found[0]);
    }

    private static String fieldOf(UIComponent input) {
        Object field = input.getAttributes().get(FIELD_ATTRIBUTE);
        return field == null ? input.getId() : field.toString();
    }

    /** The form whose client id came with the request (a browser posts the submitted form's id as a field). */
    private static Optional<UIComponent> submittedForm(FacesContext faces) {
        if (!faces.isPostback()) {
            return Optional.empty();
        }
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        UIComponent[] form = new UIComponent[1];
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_ITERATION)), (context, component) -> {
            if (component instanceof UIForm && parameters.containsKey(component.getClientId(faces))) {
                form[0] = component;
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return Optional.ofNullable(form[0]);
    }

    private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
