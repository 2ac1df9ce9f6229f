package dev.capstan.audit.boundary;

import dev.capstan.platform.BusinessRuleException;

/**
 * The audit trail could not record an action, so the action is not done: its transaction rolls
 * back and the person is told, instead of a change nobody can account for.
 */
public class AuditUnavailableException extends BusinessRuleException {

    public AuditUnavailableException() {
        super("Not done: the audit trail could not record this action, so it was cancelled. "
                + "Please tell an administrator; the server log has the cause.");
    }
}
