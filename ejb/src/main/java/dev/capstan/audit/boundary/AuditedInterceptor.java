package dev.capstan.audit.boundary;

import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.platform.AccessDeniedException;
import dev.capstan.platform.BusinessRuleException;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Records a business rule's refusal of an {@link Audited} operation, in its own transaction. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedInterceptor {

    @EJB
    AuditTrail audit;

    @AroundInvoke
    Object recordRefusals(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (AuditUnavailableException | AccessDeniedException recordedOrUnrecordable) {
            // a denial was audited where it was decided; an unwritable trail cannot take another entry
            throw recordedOrUnrecordable;
        } catch (BusinessRuleException refused) {
            Audited audited = invocation.getMethod().getAnnotation(Audited.class);
            audit.recordRefusal(event(audited, invocation.getParameters()), AuditOutcome.FAILED, refused.getMessage());
            throw refused;
        }
    }

    private static AuditEvent event(Audited audited, Object[] arguments) {
        AuditEvent event = AuditEvent.of(audited.value());
        if (!audited.target().isEmpty() && arguments.length > 0) {
            Object first = arguments[0];
            event = first instanceof Number ? event.on(audited.target(), first, null) : event.on(audited.target(), null, String.valueOf(first));
        }
        return event.with(AuditDetails.none());
    }
}
