package dev.capstan.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The in-container test module's own authentication mechanism, which authenticates nobody. Jakarta
 * Security (Soteria) installs the portal's mechanism for every web module of the EAR and asks each
 * module's CDI for it; the portal's is visible in the portal's module only, so this module needs one.
 */
@ApplicationScoped
public class UnsecuredModule implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        return context.doNothing();
    }
}
