// Tells the server the browser's time zone, so times are shown in it (a cookie, read by Preferences).
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = "capstan-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
        }
    } catch (e) {
        // No Intl support: times stay in UTC, which the page says.
    }
})();
