package dev.capstan.platform.ui;

import dev.capstan.audit.ui.AccessDenials;
import dev.capstan.platform.BusinessRuleException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a broken business rule into a message on the page (beside its field when it names one)
 * and a refused EJB call into "not allowed", so that backing beans need no try/catch. Anything
 * else is left to the wrapped handler, which shows the error page without a stack trace.
 */
public class BusinessExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(BusinessExceptionHandler.class.getName());
    static final String NOT_ALLOWED = "You are not allowed to do that.";

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
            if (broken.isPresent()) {
                report(faces, broken.get().field().flatMap(field -> clientIdOf(faces, field)).orElse(null),
                        broken.get().getMessage());
                events.remove();
            } else if (find(thrown, EJBAccessException.class).isPresent()) {
                EJBAccessException refused = find(thrown, EJBAccessException.class).get();
                LOG.warning(() -> "Refused for " + faces.getExternalContext().getRemoteUser() + ": " + refused.getMessage());
                CDI.current().select(AccessDenials.class).get()
                        .recordRefusedOperation(faces.getViewRoot().getViewId(), refused.getMessage());
                report(faces, null, NOT_ALLOWED);
                events.remove();
            }
        }
        getWrapped().handle();
    }

    private static void report(FacesContext faces, String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
        faces.renderResponse();
    }

    private static Optional<String> clientIdOf(FacesContext faces, String field) {
        String[] found = new String[1];
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces), (context, component) -> {
            if (component instanceof UIInput && field.equals(component.getId()) && isRendered(component)) {
                found[0] = component.getClientId(faces);
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return Optional.ofNullable(found[0]);
    }

    private static boolean isRendered(UIComponent component) {
        for (UIComponent c = component; c != null; c = c.getParent()) {
            if (!c.isRendered()) {
                return false;
            }
        }
        return true;
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
