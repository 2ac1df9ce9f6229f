package dev.capstan.platform;

import jakarta.ejb.ApplicationException;

/** Someone else saved a change since the caller loaded what they edited; nothing was overwritten. */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends BusinessRuleException {

    public ConcurrentChangeException(String what) {
        super(what + " was changed by someone else while you were editing it. Reload to see their change, then edit again.");
    }

    /** Refuses when the version the caller edited is not the current one. */
    public static void check(String what, long editedVersion, long currentVersion) {
        if (editedVersion != currentVersion) {
            throw new ConcurrentChangeException(what);
        }
    }
}
