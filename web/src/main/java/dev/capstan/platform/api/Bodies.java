package dev.capstan.platform.api;

import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;

import java.util.List;

/** Checks of a request body that come before any boundary sees it. */
public final class Bodies {

    static final String MISSING = "Send a JSON body (Content-Type: application/json); this request had none.";

    private Bodies() {
    }

    /** JAX-RS hands a resource {@code null} for an empty body (or refuses it with a NoContentException). */
    public static <T> T required(T body) {
        if (body == null) {
            throw new BusinessRuleException(MISSING);
        }
        return body;
    }

    /** The version the client loaded: an update without it could overwrite someone's change unseen. */
    public static long version(Long version) {
        if (version == null) {
            throw new InvalidInputException(List.of(new FieldError("version",
                    "Send the version you loaded with this change, so that nobody's change is overwritten unseen.")));
        }
        return version;
    }
}
