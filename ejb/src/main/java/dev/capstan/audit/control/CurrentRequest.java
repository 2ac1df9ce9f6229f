package dev.capstan.audit.control;

import dev.capstan.audit.entity.RequestOrigin;
import jakarta.enterprise.context.RequestScoped;

/**
 * Where the request being served came from, set by the web tier as it arrives. Work no request
 * started (a timer) finds nothing set.
 */
@RequestScoped
public class CurrentRequest {

    private RequestOrigin origin = RequestOrigin.NONE;
    private String session = "";

    public void arrived(RequestOrigin origin, String session) {
        this.origin = origin;
        this.session = session == null ? "" : session;
    }

    /** The HTTP session the request belongs to, empty if none: what a person was shown belongs to it. Never audited. */
    public String session() {
        return session;
    }

    public RequestOrigin origin() {
        return origin;
    }
}
