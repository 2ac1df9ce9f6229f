package dev.capstan.access.boundary;

import dev.capstan.access.entity.SignInOutcome;

import java.time.Duration;
import java.util.Set;

/** What a sign-in attempt established: who, with which roles, and whether they must change their password. */
public record SignInResult(SignInOutcome outcome, String username, Set<String> roles, boolean mustChangePassword,
                           Duration retryAfter) {

    public SignInResult(SignInOutcome outcome, String username, Set<String> roles, boolean mustChangePassword) {
        this(outcome, username, roles, mustChangePassword, Duration.ZERO);
    }

    static SignInResult refused(SignInOutcome outcome, String username) {
        return refused(outcome, username, Duration.ZERO);
    }

    /** @param retryAfter when a refusal for the client's address ends (zero if it is not one) */
    static SignInResult refused(SignInOutcome outcome, String username, Duration retryAfter) {
        return new SignInResult(outcome, username, Set.of(), false, retryAfter);
    }
}
