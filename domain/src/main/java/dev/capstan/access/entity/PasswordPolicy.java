package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a password chosen by a person must satisfy. Generated passwords satisfy it by construction. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** PBKDF2 hashes any length, but a megabyte password is an attack, not a password. */
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    public static List<String> violations(String username, char[] password) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length < MIN_LENGTH) {
            violations.add("The password must have at least " + MIN_LENGTH + " characters.");
            return violations;
        }
        if (password.length > MAX_LENGTH) {
            violations.add("The password must have at most " + MAX_LENGTH + " characters.");
        }
        if (username != null && new String(password).toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            violations.add("The password must not be the user name.");
        }
        return violations;
    }

    /** @throws BusinessRuleException naming the first violation, beside {@code field} */
    public static void requireAcceptable(String field, String username, char[] password) {
        List<String> violations = violations(username, password);
        if (!violations.isEmpty()) {
            throw new BusinessRuleException(field, violations.get(0));
        }
    }
}
