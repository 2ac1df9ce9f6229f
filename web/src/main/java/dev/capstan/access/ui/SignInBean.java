package dev.capstan.access.ui;

import dev.capstan.access.boundary.SignInResult;
import dev.capstan.access.control.SessionRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The sign-in form. */
@Named("signIn")
@RequestScoped
public class SignInBean {

    /** The same words whatever went wrong, so the page never tells whether a user exists. */
    static final String REFUSED = "Sign-in failed: the user name or password is wrong, or the account is locked. "
            + "After 5 failed sign-ins in a row a user name is locked for 15 minutes.";
    static final String BUSY = "Capstan is busy checking other sign-ins. Try again in a few seconds.";

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInAttempt attempt;

    @Inject
    SessionRegistry sessions;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public String signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();

        // A new session id before the session becomes a signed-in one: a session id planted
        // before sign-in (session fixation) is worth nothing after it.
        request.getSession(true);
        request.changeSessionId();

        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        SignInResult result = attempt.result().filter(r -> r.outcome().succeeded()).orElse(null);
        if (result == null || status == AuthenticationStatus.SEND_FAILURE || status == AuthenticationStatus.NOT_DONE) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(attempt.result().orElse(null)), null));
            return null;
        }
        SignedInSession.start(sessions, request.getSession(), result.username(), result.roles(), result.mustChangePassword());
        Optional<String> askedFor = SignedInSession.takeAskedFor(request.getSession());
        if (result.mustChangePassword()) {
            return "/account/password?faces-redirect=true";
        }
        if (askedFor.isPresent()) {
            // On to the page the visitor asked for before signing in.
            external.redirect(request.getContextPath() + askedFor.get());
            return null;
        }
        return "/index?faces-redirect=true";
    }

    /** Refusals for the client's address may be told: they say nothing about any account. */
    private static String refusal(SignInResult refused) {
        if (refused == null) {
            return REFUSED;
        }
        return switch (refused.outcome()) {
            case THROTTLED -> "Too many failed sign-ins came from your network address. Try again in "
                    + minutes(refused.retryAfter()) + ".";
            case BUSY -> BUSY;
            default -> REFUSED;
        };
    }

    private static String minutes(java.time.Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
