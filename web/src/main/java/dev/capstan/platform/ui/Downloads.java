package dev.capstan.platform.ui;

import jakarta.faces.context.ExternalContext;

/** A page's answer replaced by a file to save, e.g. an audit export or a project's YAML. */
public final class Downloads {

    private Downloads() {
    }

    /**
     * Starts the download of {@code fileName}: the reset drops the page's headers, including the
     * security headers the server set, so the ones a file needs are set again; no cache keeps it.
     */
    public static void start(ExternalContext external, String contentType, String fileName) {
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
    }
}
