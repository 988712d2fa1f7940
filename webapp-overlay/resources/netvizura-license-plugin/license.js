/*
 * Copy buttons of the License page: a button with data-nv-copy="ID" copies the text of element ID. The
 * clipboard API needs a secure context (https or localhost); elsewhere, or when it is refused, the text is
 * selected so that Ctrl+C copies it, and the status line says so.
 *
 * Icon glyphs: PrimeFaces draws a button's icon as a <span class="ui-icon pi ..."> whose glyph would become part
 * of the button's accessible name ("<glyph> Upload"). They are decoration: every icon of a PrimeFaces button gets
 * aria-hidden="true", also in dialogs and parts that AJAX renders later, so a button's name is its word.
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

    var BUTTON_ICONS = ".ui-button .ui-icon, .ui-fileupload-choose .ui-icon";

    function hideIcons(root) {
        if (!root.querySelectorAll) {
            return;
        }
        var icons = root.querySelectorAll(BUTTON_ICONS);
        for (var i = 0; i < icons.length; i++) {
            if (!icons[i].hasAttribute("aria-hidden")) {
                icons[i].setAttribute("aria-hidden", "true");
            }
        }
    }

    function watchIcons() {
        hideIcons(document);
        new MutationObserver(function (changes) {
            for (var i = 0; i < changes.length; i++) {
                for (var j = 0; j < changes[i].addedNodes.length; j++) {
                    var node = changes[i].addedNodes[j];
                    hideIcons(node.parentNode || node);
                }
            }
        }).observe(document.body, {childList: true, subtree: true});
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", watchIcons);
    } else {
        watchIcons();
    }
})();
