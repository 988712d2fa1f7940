/*
 * Copy buttons of the License page: a button with data-nv-copy="ID" copies the text of element ID. The
 * clipboard API needs a secure context (https or localhost); elsewhere, or when it is refused, the text is
 * selected so that Ctrl+C copies it, and the status line says so.
 */
(function () {
    "use strict";

    function say(text) {
        var status = document.getElementById("copyStatus");
        if (status) {
            status.textContent = text;
        }
    }

    function select(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    function fallback(element, button) {
        select(element);
        var copied = false;
        try {
            copied = document.execCommand("copy");
        } catch (e) {
            copied = false;
        }
        say(copied ? button.getAttribute("data-nv-copied") : button.getAttribute("data-nv-selected"));
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("[data-nv-copy]") : null;
        if (!button) {
            return;
        }
        var element = document.getElementById(button.getAttribute("data-nv-copy"));
        if (!element) {
            return;
        }
        var text = element.textContent.trim();
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () {
                say(button.getAttribute("data-nv-copied"));
            }, function () {
                fallback(element, button);
            });
        } else {
            fallback(element, button);
        }
    });
})();
