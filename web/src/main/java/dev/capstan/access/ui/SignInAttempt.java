package dev.capstan.access.ui;

import dev.capstan.access.boundary.SignInResult;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** Carries what the identity store learned about this request's sign-in back to the sign-in page. */
@RequestScoped
public class SignInAttempt {

    private SignInResult result;

    void record(SignInResult result) {
        this.result = result;
    }

    Optional<SignInResult> result() {
        return Optional.ofNullable(result);
    }
}
