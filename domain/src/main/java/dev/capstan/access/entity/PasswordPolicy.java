package dev.capstan.access.entity;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.capstan.platform.BusinessRuleException;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a password chosen by a person must satisfy. Generated passwords satisfy it by construction. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** PBKDF2 hashes any length, but a megabyte password is an attack, not a password. */
    public static final int MAX_LENGTH = 1024;
    /**
     * zxcvbn's score (0 - 4) a password needs: 3 means more than 10^8 guesses, out of reach of an
     * online attack and costly offline against PBKDF2 (ASVS 6.2.4, 6.2.12).
     */
    public static final int MIN_SCORE = 3;
    /** The estimator's work grows with the square of the length; a strong start makes a strong password. */
    private static final int MEASURED_LENGTH = 100;
    /** Loads its dictionaries once; measuring keeps no state. */
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

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
        } else if (CharBuffer.wrap(password).chars().allMatch(Character::isWhitespace)) {
            violations.add("The password must not be only spaces.");
        } else {
            // a copy: wipe() clears what it measured, and the caller still hashes the password
            Strength strength = ESTIMATOR.measure(CharBuffer.wrap(Arrays.copyOf(password, Math.min(password.length, MEASURED_LENGTH))),
                    username == null ? List.of("capstan") : List.of(username, "capstan"));
            if (strength.getScore() < MIN_SCORE) {
                violations.add(tooEasy(strength.getFeedback()));
            }
            strength.wipe();
        }
        return violations;
    }

    /** Why, and what would help, in the estimator's words, e.g. "This is a very common password." */
    private static String tooEasy(Feedback feedback) {
        StringBuilder message = new StringBuilder("This password is too easy to guess: it is among the first 100 million guesses"
                + " an attacker would try.");
        String warning = feedback.getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            message.append(' ').append(warning);
        }
        feedback.getSuggestions(Locale.ENGLISH).forEach(suggestion -> message.append(' ').append(suggestion));
        return message.toString();
    }

    /** @throws BusinessRuleException naming the first violation, beside {@code field} */
    public static void requireAcceptable(String field, String username, char[] password) {
        List<String> violations = violations(username, password);
        if (!violations.isEmpty()) {
            throw new BusinessRuleException(field, violations.get(0));
        }
    }
}
