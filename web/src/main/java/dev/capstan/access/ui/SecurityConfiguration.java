package dev.capstan.access.ui;

import dev.capstan.access.boundary.Authentication;
import dev.capstan.access.boundary.TokenSignIn;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.ui.RequestOriginFilter;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * How a request is known to come from someone:
 * <ul>
 *   <li>a person signs in on our own page ({@code /signin.xhtml}, {@link SignInBean}), checked by
 *       {@link CapstanIdentityStore}; their session carries who they are from then on
 *       ({@link SignedInSession}). A visitor who asks for a protected page is redirected to sign in
 *       and, once signed in, back to that page (the address is kept in their session, never taken
 *       from a parameter, so that nobody can send a person elsewhere after signing in);</li>
 *   <li>a script calls the API with {@code Authorization: Bearer <token>}, a personal API token, on
 *       each call; no session is made. An unknown, expired or revoked token leaves the call
 *       anonymous, which the API answers 401 ({@code SignedInCallerFilter}).</li>
 * </ul>
 */
@DeclareRoles({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
@ApplicationScoped
public class SecurityConfiguration implements HttpAuthenticationMechanism {

    /** The request attribute that carries the {@link TokenSignIn} of a call made with a token. */
    public static final String TOKEN = "capstan.apiToken";
    /** Set when a call presented a token that did not sign anyone in. */
    public static final String TOKEN_REFUSED = "capstan.apiTokenRefused";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @EJB
    Authentication authentication;

    @Inject
    CurrentRequest currentRequest;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            RequestOriginFilter.note(request, currentRequest); // a refused token's entry says where it came from
            Optional<TokenSignIn> token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? authentication.signInWithToken(authorization.substring(BEARER.length()).strip()) : Optional.empty();
            if (token.isEmpty()) {
                request.setAttribute(TOKEN_REFUSED, Boolean.TRUE);
                return context.doNothing();
            }
            request.setAttribute(TOKEN, token.get());
            return context.notifyContainerAboutLogin(token.get().username(), token.get().roles());
        }
        Optional<SignedInSession.Caller> signedIn = SignedInSession.caller(request.getSession(false));
        if (signedIn.isPresent()) {
            return context.notifyContainerAboutLogin(signedIn.get().username(), signedIn.get().roles());
        }
        if (context.isProtected()) {
            SignedInSession.askedFor(request);
            return context.redirect(request.getContextPath() + "/signin.xhtml");
        }
        return context.doNothing();
    }
}
