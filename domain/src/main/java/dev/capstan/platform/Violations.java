package dev.capstan.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with an input before refusing it, so that a person learns every problem
 * in one round trip instead of one at a time.
 */
public final class Violations {

    private final String prefix;
    private final List<FieldError> errors;

    public Violations() {
        this("", new ArrayList<>());
    }

    private Violations(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** The same collection, with field names under {@code prefix} (e.g. {@code readiness.url}). */
    public Violations nested(String prefix) {
        return new Violations(this.prefix + prefix + ".", errors);
    }

    public Violations add(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
        return this;
    }

    /** @return {@code ok}, so a check reads {@code if (violations.check(...))} */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    /** Runs a check that throws a {@link BusinessRuleException}, keeping its message under {@code field}. */
    public <T> T attempt(String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(error -> add(error.field(), error.message()));
        } catch (BusinessRuleException refused) {
            add(refused.field().map(f -> f.startsWith(field) ? f : field).orElse(field), refused.getMessage());
        }
        return null;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
