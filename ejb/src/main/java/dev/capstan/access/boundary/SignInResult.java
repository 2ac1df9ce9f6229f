package dev.capstan.access.boundary;

import dev.capstan.access.entity.SignInOutcome;

import java.util.Set;

/** What a sign-in attempt established: who, with which roles, and whether they must change their password. */
public record SignInResult(SignInOutcome outcome, String username, Set<String> roles, boolean mustChangePassword) {

    static SignInResult refused(SignInOutcome outcome, String username) {
        return new SignInResult(outcome, username, Set.of(), false);
    }
}
