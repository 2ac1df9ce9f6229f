package dev.capstan.platform.api;

import dev.capstan.platform.FieldError;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An error as the API answers it (RFC 9457, {@code application/problem+json}). The type is
 * {@code about:blank}: the status says what kind of problem it is, the detail says what went wrong
 * in words for a person, and {@code errors} names each input that was not acceptable.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), detail, null);
    }

    public static Problem of(int status, String detail, List<FieldError> errors) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", type == null ? "Error " + status : type.getReasonPhrase(), status, detail,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
