package dev.capstan.platform;

import jakarta.ejb.ApplicationException;

/**
 * The work asked for is refused for now, not for good: the caller (or everyone) has as much of
 * it running as the server takes at once. Answered 429 with Retry-After; a page shows the message.
 */
@ApplicationException(rollback = true)
public class TooManyRequestsException extends BusinessRuleException {

    private final int retryAfterSeconds;

    public TooManyRequestsException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
