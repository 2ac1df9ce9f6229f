package dev.capstan.audit.entity;

/** Where a request came from: client address, user agent, and the id Capstan gave the request. */
public record RequestOrigin(String clientAddress, String userAgent, String requestId) {

    /** Work that no request started, such as a scheduled job. */
    public static final RequestOrigin NONE = new RequestOrigin(null, null, null);

    public RequestOrigin {
        clientAddress = AuditText.clip(clientAddress, 64);
        userAgent = AuditText.clip(userAgent, 300);
        requestId = AuditText.clip(requestId, 64);
    }
}
