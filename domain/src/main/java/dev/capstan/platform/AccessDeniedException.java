package dev.capstan.platform;

import jakarta.ejb.ApplicationException;

/**
 * The caller may not do this. When they may not even know that the thing exists, the refusal is
 * {@linkplain #concealed() concealed}: pages and the API answer as if it were not there (404).
 * Whoever throws it has already audited the denial.
 */
@ApplicationException(rollback = true)
public class AccessDeniedException extends BusinessRuleException {

    private final boolean concealed;

    private AccessDeniedException(String message, boolean concealed) {
        super(message);
        this.concealed = concealed;
    }

    public static AccessDeniedException forbidden(String message) {
        return new AccessDeniedException(message, false);
    }

    public static AccessDeniedException concealed(String notFoundMessage) {
        return new AccessDeniedException(notFoundMessage, true);
    }

    public boolean concealed() {
        return concealed;
    }
}
