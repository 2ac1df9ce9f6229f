package dev.capstan.platform.api;

import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.AuditUnavailableException;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.platform.AccessDeniedException;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.platform.DatabaseUnavailableException;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.platform.NotFoundException;
import dev.capstan.platform.TooManyRequestsException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API's one exception mapper: every error leaves as a {@link Problem}, so resources have no
 * try/catch. Business exceptions carry messages written for people and are answered as they are;
 * anything unexpected is logged and answered with a generic 500 that carries no exception text.
 * EJB calls may deliver an exception wrapped, so the cause chain is searched.
 *
 * <p>503 (with Retry-After) when the server, not the request, is the trouble: the database is out
 * of reach, or the audit trail could not record the action, whether it said so at once
 * ({@link AuditUnavailableException}) or the database refused the entry only at commit.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    static final String NOT_ALLOWED = "You are not allowed to do that.";
    static final String UNREADABLE_BODY = "The request body could not be read: it is not valid JSON, "
            + "or a value has the wrong type (for example text where a number or a list belongs).";
    static final String UNEXPECTED = "Something went wrong on the server. It was logged; "
            + "quote the X-Request-Id header of this response when you report it.";
    /** Seconds a client should wait before trying a 503 again: a database restart or fail-over takes about this long. */
    static final String RETRY_AFTER = "30";

    @EJB
    AuditTrail audit;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problem(thrown);
        Response response = problem.toResponse();
        if (problem.status() == Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return Response.fromResponse(response).header("Retry-After", RETRY_AFTER).build();
        }
        Optional<TooManyRequestsException> busy = find(thrown, TooManyRequestsException.class);
        if (busy.isPresent()) {
            return Response.fromResponse(response).header("Retry-After", busy.get().retryAfterSeconds()).build();
        }
        return response;
    }

    private Problem problem(Throwable thrown) {
        if (find(thrown, BodySizeFilter.BodyTooLargeException.class).isPresent()) {
            return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, BodySizeFilter.TOO_LARGE);
        }
        Optional<BusinessRuleException> broken = find(thrown, BusinessRuleException.class);
        if (broken.isPresent()) {
            return business(broken.get());
        }
        Optional<EJBAccessException> refused = find(thrown, EJBAccessException.class);
        if (refused.isPresent()) {
            // The boundary's @RolesAllowed said no before any guard could record it: record it here, as pages do.
            audit.recordRefusal(AuditEvent.of("access.denied").on("api", null, call()),
                    AuditOutcome.DENIED, refused.get().getMessage());
            return Problem.of(Status.FORBIDDEN, NOT_ALLOWED);
        }
        if (DatabaseUnavailableException.isOutage(thrown)) {
            // One line, not a stack trace per request while the database is away.
            LOG.warning(() -> "API call " + call() + " found the database unavailable: " + DatabaseUnavailableException.rootMessage(thrown));
            return Problem.of(Status.SERVICE_UNAVAILABLE, DatabaseUnavailableException.DURING_REQUEST);
        }
        if (find(thrown, RollbackException.class).isPresent()) {
            // Rolled back at commit (e.g. a deferred check on audit_entry): a change commits only with its audit
            // entry, so the entry was not recorded either and the action is not done, as when AuditTrail says so.
            LOG.log(Level.SEVERE, "API call " + call() + " was rolled back at commit; the action is not done", thrown);
            return Problem.of(Status.SERVICE_UNAVAILABLE, new AuditUnavailableException().getMessage());
        }
        if (find(thrown, NoContentException.class).isPresent()) {
            return Problem.of(Status.BAD_REQUEST, Bodies.MISSING);
        }
        if (find(thrown, JsonbException.class).isPresent() || find(thrown, JsonException.class).isPresent()) {
            return Problem.of(Status.BAD_REQUEST, UNREADABLE_BODY);
        }
        int status = thrown instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        if (status >= 400 && status < 500) {
            return Problem.of(status, clientError(status), null);
        }
        LOG.log(Level.SEVERE, "API call " + call() + " failed", thrown);
        return Problem.of(status >= 500 ? status : 500, UNEXPECTED, null);
    }

    /** The call as a person names it, e.g. {@code GET /api/v1/projects}; the query is left out. */
    private String call() {
        return request.getMethod() + " " + uri.getRequestUri().getRawPath();
    }

    private static Problem business(BusinessRuleException broken) {
        if (broken instanceof InvalidInputException invalid) {
            return Problem.of(400, invalid.getMessage(), invalid.errors());
        }
        if (broken instanceof AccessDeniedException denied) {
            return Problem.of(denied.concealed() ? Status.NOT_FOUND : Status.FORBIDDEN, denied.getMessage());
        }
        if (broken instanceof NotFoundException) {
            return Problem.of(Status.NOT_FOUND, broken.getMessage());
        }
        if (broken instanceof TooManyRequestsException) {
            return Problem.of(Status.TOO_MANY_REQUESTS, broken.getMessage());
        }
        if (broken instanceof ConcurrentChangeException) {
            return Problem.of(Status.CONFLICT, broken.getMessage());
        }
        if (broken instanceof AuditUnavailableException) {
            return Problem.of(Status.SERVICE_UNAVAILABLE, broken.getMessage());
        }
        return Problem.of(400, broken.getMessage(),
                broken.field().map(field -> List.of(new FieldError(field, broken.getMessage()))).orElse(null));
    }

    /** Words of our own for JAX-RS's refusals: theirs name classes and echo URLs. */
    private static String clientError(int status) {
        return switch (status) {
            case 400 -> UNREADABLE_BODY;
            case 401 -> SignedInCallerFilter.SIGN_IN_FIRST;
            case 403 -> NOT_ALLOWED;
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            case 406 -> "This address answers application/json (project files: application/yaml).";
            case 415 -> "Send the body as application/json (project files: application/yaml).";
            default -> Optional.ofNullable(Status.fromStatusCode(status)).map(Status::getReasonPhrase).orElse("Error " + status);
        };
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
