package dev.capstan.platform;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several inputs at once were not acceptable: a page shows each message beside its field, the
 * API lists each field. Nothing was written.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends BusinessRuleException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() : null,
                errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
