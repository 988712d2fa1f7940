/*
 * The license notice's Dismiss button: remembers in a cookie of this browser which threshold was dismissed (the
 * server then leaves the notice out until the next threshold) and removes the notice at once. The button is
 * hidden in the page and shown here, so that without script there is no button that does nothing.
 */
(function () {
    "use strict";

    var ONE_YEAR_SECONDS = 366 * 24 * 60 * 60;

    function dismiss(notice, button) {
        document.cookie = button.getAttribute("data-nvl-cookie") + "=" + button.getAttribute("data-nvl-dismiss")
            + "; path=" + button.getAttribute("data-nvl-path") + "; max-age=" + ONE_YEAR_SECONDS + "; SameSite=Lax"
            + (window.location.protocol === "https:" ? "; Secure" : "");
        notice.parentNode.removeChild(notice);
    }

    function start() {
        var notice = document.getElementById("nvlLicenseNotice");
        var button = notice ? notice.querySelector("[data-nvl-dismiss]") : null;
        if (!button) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            dismiss(notice, button);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
