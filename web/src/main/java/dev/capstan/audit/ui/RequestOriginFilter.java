package dev.capstan.audit.ui;

import dev.capstan.audit.boundary.AuditChainer;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.entity.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.UUID;

/**
 * Notes where each request comes from, for the audit trail, and gives it an id that the
 * response carries in {@code X-Request-Id}, so a person's report can be matched to entries. The
 * answer waits until the entries the request recorded are linked into the chain (AuditChainer).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOriginFilter extends HttpFilter {

    @Inject
    CurrentRequest currentRequest;

    @Inject
    AuditChainer chainer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = UUID.randomUUID().toString();
        currentRequest.arrived(new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"), requestId));
        response.setHeader("X-Request-Id", requestId);
        // Answer only once what this request recorded is in the chain, so the next page shows it.
        // A redirect is answered as soon as it is sent, so it waits first.
        HttpServletResponse answer = new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                chainer.awaitRecordedBy(currentRequest);
                super.sendRedirect(location);
            }
        };
        try {
            chain.doFilter(request, answer);
        } finally {
            chainer.awaitRecordedBy(currentRequest);
        }
    }
}
