package dev.capstan.platform.api;

import dev.capstan.projects.control.ProjectYaml;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses API bodies over {@value #MAX_BYTES} bytes with a 413 problem: by their declared length
 * before anything is read, and, for bodies sent without one, as soon as the limit is passed. The
 * largest body the API takes is a project file ({@link ProjectYaml#MAX_BYTES}); JSON bodies are far smaller.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class BodySizeFilter implements ContainerRequestFilter {

    static final int MAX_BYTES = ProjectYaml.MAX_BYTES;
    static final String TOO_LARGE = "The request body is larger than the API takes (" + MAX_BYTES / 1024
            + " KB); a JSON body or a project file is far smaller.";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, TOO_LARGE).toResponse());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    /** Thrown by the body's stream once it passes the limit; {@link ProblemMapper} answers 413. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super(TOO_LARGE, null, false, false);
        }
    }

    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new BodyTooLargeException();
            }
        }
    }
}
