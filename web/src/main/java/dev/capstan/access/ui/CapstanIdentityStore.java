package dev.capstan.access.ui;

import dev.capstan.access.boundary.Authentication;
import dev.capstan.access.boundary.SignInResult;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Jakarta Security's view of Capstan's users: delegates to the {@link Authentication} boundary. */
@ApplicationScoped
public class CapstanIdentityStore implements IdentityStore {

    @EJB
    Authentication authentication;

    @Inject
    SignInAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult result = authentication.signIn(credential.getCaller(), credential.getPassword().getValue());
        attempt.record(result);
        if (!result.outcome().succeeded()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(result.username(), result.roles());
    }
}
