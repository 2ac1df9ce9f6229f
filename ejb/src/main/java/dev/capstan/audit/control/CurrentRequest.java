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

    public void arrived(RequestOrigin origin) {
        this.origin = origin;
    }

    public RequestOrigin origin() {
        return origin;
    }
}
