package dev.capstan.platform;

import jakarta.ejb.ApplicationException;

import java.util.Optional;

/**
 * A rule of the domain said no. The message is written for the person who asked and is shown
 * to them as it is; it never carries a secret. Thrown from an EJB it rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class BusinessRuleException extends RuntimeException {

    private final String field;

    public BusinessRuleException(String message) {
        this(null, message);
    }

    /** @param field the input the message belongs beside, e.g. {@code "newPassword"} */
    public BusinessRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
