package dev.capstan.platform.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
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
    /** Named, so that times read "UTC" rather than "Z". */
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    /** ISO 8601 to the microsecond, as times are stored (the audit trail hashes them so). */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

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
            return UTC;
        }
        try {
            // capstan.js encodes the zone for the cookie: Europe/Paris arrives as Europe%2FParis.
            return ZoneId.of(URLDecoder.decode(zone, StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException unknownZone) {
            return UTC;
        }
    }

    /** An instant in the viewer's time zone, e.g. {@code 2026-11-22 09:14 CET}. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(getZone()));
    }

    /** To the second, e.g. {@code 2026-11-22 09:14:05 CET}: where order within a minute matters. */
    public String timeToSecond(Instant instant) {
        return instant == null ? "" : TIME_SECONDS.format(instant.atZone(getZone()));
    }

    /**
     * The whole instant in ISO 8601 with its offset and the zone's name, e.g.
     * {@code 2026-11-22T09:14:05.123456+01:00 (Europe/Paris)}: nothing rounded away.
     */
    public String fullTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = getZone();
        return INSTANT.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private String cookie(String name) {
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(name);
        return cookie instanceof Cookie c ? c.getValue() : null;
    }
}
