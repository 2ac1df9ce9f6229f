package dev.capstan.audit.control;

import dev.capstan.audit.entity.RequestOrigin;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * Where the request being served came from, set by the web tier as it arrives. Work no request
 * started (a timer) finds nothing set.
 */
@RequestScoped
public class CurrentRequest {

    private RequestOrigin origin = RequestOrigin.NONE;
    private String session = "";
    private String apiToken;

    /** @param apiToken the name of the personal API token the call was made with, or null */
    public void arrived(RequestOrigin origin, String session, String apiToken) {
        this.origin = origin;
        this.session = session == null ? "" : session;
        this.apiToken = apiToken;
    }

    /** The name of the API token this call was made with: every audit entry of the call names it. */
    public Optional<String> apiToken() {
        return Optional.ofNullable(apiToken);
    }

    /** The HTTP session the request belongs to, empty if none: what a person was shown belongs to it. Never audited. */
    public String session() {
        return session;
    }

    public RequestOrigin origin() {
        return origin;
    }
}
