package dev.capstan.audit.ui;

import dev.capstan.access.boundary.TokenSignIn;
import dev.capstan.access.ui.SecurityConfiguration;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.entity.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.UUID;

/**
 * Notes where each request comes from, for the audit trail, and gives it an id that the
 * response carries in {@code X-Request-Id}, so a person's report can be matched to entries.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOriginFilter extends HttpFilter {

    @Inject
    CurrentRequest currentRequest;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = UUID.randomUUID().toString();
        HttpSession session = request.getSession(false);
        currentRequest.arrived(new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"), requestId),
                session == null ? null : session.getId(),
                request.getAttribute(SecurityConfiguration.TOKEN) instanceof TokenSignIn token ? token.limits().tokenName() : null);
        response.setHeader("X-Request-Id", requestId);
        chain.doFilter(request, response);
    }
}
