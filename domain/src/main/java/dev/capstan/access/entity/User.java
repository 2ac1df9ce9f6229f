package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who signs in to Capstan. Knows its own rules: how sign-in attempts count towards a
 * lockout, what a password change needs, and that the last enabled administrator stays.
 */
@Entity
@Table(name = "capstan_user")
public class User {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    public static final int DISPLAY_NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "capstan_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    /**
     * A new, enabled user whose password was generated for them and must be changed at first
     * sign-in.
     */
    public static User create(String username, String displayName, Set<GlobalRole> roles,
                              PasswordHash initialPassword, Instant now) {
        User user = new User();
        user.username = normalizeUsername(username);
        user.displayName = normalizeDisplayName(displayName, user.username);
        user.roles = requireSomeRole(roles);
        user.passwordHash = initialPassword.encoded();
        user.mustChangePassword = true;
        user.enabled = true;
        user.createdAt = now.truncatedTo(ChronoUnit.MICROS); // as the database keeps it: the answer to a create shows what a read will
        user.passwordChangedAt = now;
        return user;
    }

    /** Lower-cases and checks a user name typed by a person. */
    public static String normalizeUsername(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normalized).matches()) {
            throw new BusinessRuleException("username",
                    "A user name has 2 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return normalized;
    }

    private static String normalizeDisplayName(String displayName, String username) {
        String normalized = displayName == null ? "" : displayName.strip();
        if (normalized.length() > DISPLAY_NAME_MAX) {
            throw new BusinessRuleException("displayName", "A display name has at most " + DISPLAY_NAME_MAX + " characters.");
        }
        return normalized.isEmpty() ? username : normalized;
    }

    private static Set<GlobalRole> requireSomeRole(Set<GlobalRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new BusinessRuleException("roles", "A user needs at least one role.");
        }
        return EnumSet.copyOf(roles);
    }

    /**
     * Checks a password and counts the attempt. A locked or disabled account refuses even the
     * right password; the {@code policy.maxFailures()}-th failure in a row locks the account.
     */
    public SignInOutcome signIn(char[] password, Instant now, LockoutPolicy policy) {
        if (isLockedAt(now)) {
            // checked all the same: a locked account must take as long to refuse as a wrong password,
            // or the time of an answer tells which user names exist
            PasswordHash.fromEncoded(passwordHash).matches(password);
            return SignInOutcome.LOCKED;
        }
        if (lockedUntil != null) {
            // The lock ran out: the count starts again.
            lockedUntil = null;
            failedSignIns = 0;
        }
        if (!PasswordHash.fromEncoded(passwordHash).matches(password)) {
            failedSignIns++;
            if (failedSignIns >= policy.maxFailures()) {
                lockedUntil = now.plus(policy.duration());
                return SignInOutcome.LOCKED;
            }
            return SignInOutcome.FAILED;
        }
        if (!enabled) {
            return SignInOutcome.DISABLED;
        }
        failedSignIns = 0;
        lastSignInAt = now;
        return SignInOutcome.SUCCEEDED;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A person changes their own password: they must know the current one. */
    public void changePassword(char[] currentPassword, char[] newPassword, Instant now) {
        if (!PasswordHash.fromEncoded(passwordHash).matches(currentPassword)) {
            throw new BusinessRuleException("currentPassword", "The current password is not right.");
        }
        PasswordPolicy.requireAcceptable("newPassword", username, newPassword);
        if (PasswordHash.fromEncoded(passwordHash).matches(newPassword)) {
            throw new BusinessRuleException("newPassword", "The new password must differ from the current one.");
        }
        passwordHash = PasswordHash.of(newPassword).encoded();
        passwordChangedAt = now;
        mustChangePassword = false;
    }

    /** An administrator resets the password to a generated one; the lock is lifted. */
    public void resetPassword(PasswordHash generated, Instant now) {
        passwordHash = generated.encoded();
        passwordChangedAt = now;
        mustChangePassword = true;
        failedSignIns = 0;
        lockedUntil = null;
    }

    /** @param enabledAdmins how many enabled administrators there are now, this user included */
    public void disable(long enabledAdmins) {
        if (isEnabledAdmin() && enabledAdmins <= 1) {
            throw new BusinessRuleException("The last enabled administrator cannot be disabled.");
        }
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    /** @param enabledAdmins how many enabled administrators there are now, this user included */
    public void assignRoles(Set<GlobalRole> newRoles, long enabledAdmins) {
        Set<GlobalRole> checked = requireSomeRole(newRoles);
        if (isEnabledAdmin() && !checked.contains(GlobalRole.ADMIN) && enabledAdmins <= 1) {
            throw new BusinessRuleException("roles", "The last enabled administrator cannot lose the ADMIN role.");
        }
        roles = checked;
    }

    public void rename(String newDisplayName) {
        displayName = normalizeDisplayName(newDisplayName, username);
    }

    private boolean isEnabledAdmin() {
        return enabled && roles.contains(GlobalRole.ADMIN);
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Set<GlobalRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(GlobalRole.class) : EnumSet.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastSignInAt() {
        return Optional.ofNullable(lastSignInAt);
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "User[" + username + "]";
    }
}
