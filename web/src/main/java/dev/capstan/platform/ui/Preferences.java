package dev.capstan.platform.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The viewer's display preferences, kept in their browser: light or dark theme, and the time
 * zone times are shown in (the browser reports it; UTC until it has).
 */
@Named
@RequestScoped
public class Preferences {

    static final String THEME_COOKIE = "capstan-theme";
    static final String ZONE_COOKIE = "capstan-tz";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    @Inject
    FacesContext faces;

    public boolean isDark() {
        return "dark".equals(cookie(THEME_COOKIE));
    }

    /** The PrimeFaces theme: saga (light) or arya (dark). */
    public String getTheme() {
        return isDark() ? "arya-blue" : "saga-blue";
    }

    /** Flips the theme (a POST, like every change) and shows the same page again. */
    public String toggleTheme() {
        ExternalContext external = faces.getExternalContext();
        external.addResponseCookie(THEME_COOKIE, isDark() ? "light" : "dark", Map.of(
                "path", external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath(),
                "maxAge", 60 * 60 * 24 * 365,
                "httpOnly", true));
        return faces.getViewRoot().getViewId() + "?faces-redirect=true";
    }

    public ZoneId getZone() {
        String zone = cookie(ZONE_COOKIE);
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    /** An instant in the viewer's time zone, e.g. {@code 2026-11-22 09:14 CET}. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(getZone()));
    }

    private String cookie(String name) {
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(name);
        return cookie instanceof Cookie c ? c.getValue() : null;
    }
}
