package dev.capstan.access.ui;

import dev.capstan.access.entity.GlobalRole;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Sign-in is a form on our own page ({@code /signin.xhtml}, {@link SignInBean}), checked by
 * {@link CapstanIdentityStore}. A visitor who asks for a protected page is redirected there and,
 * once signed in, back to that page.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/signin.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
@ApplicationScoped
public class SecurityConfiguration {
}
