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
    private long chainRun;

    public void arrived(RequestOrigin origin) {
        this.origin = origin;
    }

    public RequestOrigin origin() {
        return origin;
    }

    /** This request recorded audit entries that linking run {@code run} will chain. */
    public void awaitChainRun(long run) {
        chainRun = Math.max(chainRun, run);
    }

    /** The linking run to wait for before answering; 0 when the request recorded nothing. */
    public long chainRun() {
        return chainRun;
    }
}
