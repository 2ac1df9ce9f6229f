package dev.capstan.platform.ui;

import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a page request whose form fields or query parameters hold a NUL character, with the
 * 400 page: no keyboard types one, PostgreSQL cannot store one, and before this a sign-in with one
 * failed with a 500 that left no audit entry. The refusal is audited, naming the field.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class FormTextCheck extends HttpFilter {

    @EJB
    AuditTrail audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> field = request.getParameterMap().entrySet().stream()
                .filter(parameter -> parameter.getKey().indexOf('\0') >= 0
                        || Arrays.stream(parameter.getValue()).anyMatch(value -> value != null && value.indexOf('\0') >= 0))
                .map(Map.Entry::getKey).findFirst();
        if (field.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String name = field.get().replace('\0', '\uFFFD');
        audit.recordRefusal(AuditEvent.of("request.refused").on("page", null, request.getServletPath()),
                AuditOutcome.DENIED, "field " + name + " holds a NUL character");
        request.setAttribute("capstan.refusedField", name);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
