package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The administrator an empty Capstan creates at its first start, so that somebody can sign in.
 * The password is generated (and shown once) unless the operator configured one; either way it
 * must be changed at first sign-in.
 */
public final class FirstAdmin {

    public static final String USERNAME = "admin";
    public static final String PASSWORD_VARIABLE = "CAPSTAN_FIRST_ADMIN_PASSWORD";

    private final char[] password;
    private final boolean generated;

    private FirstAdmin(char[] password, boolean generated) {
        this.password = password;
        this.generated = generated;
    }

    /**
     * @param existingUsers      how many users Capstan has now
     * @param configuredPassword the operator's choice, or null/empty to generate one
     * @return the administrator to create, or empty when Capstan already has users (a restart)
     */
    public static Optional<FirstAdmin> plan(long existingUsers, String configuredPassword) {
        if (existingUsers > 0) {
            return Optional.empty();
        }
        if (configuredPassword == null || configuredPassword.isEmpty()) {
            return Optional.of(new FirstAdmin(PasswordGenerator.generate(), true));
        }
        List<String> violations = PasswordPolicy.violations(USERNAME, configuredPassword.toCharArray());
        if (!violations.isEmpty()) {
            throw new BusinessRuleException(PASSWORD_VARIABLE + " is not acceptable: " + violations.get(0));
        }
        return Optional.of(new FirstAdmin(configuredPassword.toCharArray(), false));
    }

    public User toUser(Instant now) {
        return User.create(USERNAME, "Administrator", EnumSet.of(GlobalRole.ADMIN), PasswordHash.of(password), now);
    }

    /** True when Capstan made the password up and must show it, once, to whoever started it. */
    public boolean generated() {
        return generated;
    }

    public String password() {
        return new String(password);
    }
}
