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

// Line numbers beside a code editor (a textarea with class "numbered"): errors in a project file
// cite lines, so the editor shows them. The numbers follow typing and scrolling.
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea.numbered").forEach(function (editor) {
        var gutter = document.createElement("pre");
        gutter.className = "line-numbers";
        gutter.setAttribute("aria-hidden", "true");
        editor.parentNode.insertBefore(gutter, editor);
        var render = function () {
            var lines = editor.value.split("\n").length;
            var text = "";
            for (var i = 1; i <= Math.max(lines, 1); i++) {
                text += i + "\n";
            }
            gutter.textContent = text;
            gutter.scrollTop = editor.scrollTop;
        };
        editor.addEventListener("input", render);
        editor.addEventListener("scroll", function () { gutter.scrollTop = editor.scrollTop; });
        render();
    });
});

// A tab view with class "remembered-tabs" keeps its open tab in the address (?tab=members), so a
// reload or a shared link shows the same tab; the server opens it from that parameter.
document.addEventListener("click", function (event) {
    var header = event.target.closest(".remembered-tabs .ui-tabs-header");
    if (!header) {
        return;
    }
    var name = header.textContent.trim().toLowerCase().split(/\s+/)[0];
    var url = new URL(window.location.href);
    url.searchParams.set("tab", name);
    window.history.replaceState(window.history.state, "", url.toString());
});

// A list keeps its view (search, sort, page) in the address: its ajax answers carry the view's
// address as the callback parameter "address", which replaces the browser's one (no new history entry).
window.capstan = window.capstan || {};
window.capstan.keepAddress = function (args) {
    if (args && args.address) {
        window.history.replaceState(window.history.state, "", args.address);
    }
};
