/*
 * Copy buttons of the License page: a button with data-nv-copy="ID" copies the text of element ID. The
 * clipboard API needs a secure context (https or localhost); elsewhere, or when it is refused, the text is
 * selected so that Ctrl+C copies it, and the status line says so.
 *
 * Icon glyphs: PrimeFaces draws a button's icon as a <span class="ui-icon pi ..."> whose glyph would become part
 * of the button's accessible name ("<glyph> Upload"). They are decoration: every icon of a PrimeFaces button gets
 * aria-hidden="true", also in dialogs and parts that AJAX renders later, so a button's name is its word.
 *
 * NvLicense: what the page does after a try to apply a key (a file, a pasted key, Apply again, Apply anyway), called
 * from the components' oncomplete and onerror (PrimeFaces puts those into the page's nonce'd scripts, so this file
 * is the only script source they need). A refusal no page answer carries (the file chooser's own size check, or a
 * request the server refused before the page saw it) is shown in the Upload dialog like any other.
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

    function widget(name) {
        return window.PrimeFaces && PrimeFaces.widgets ? PrimeFaces.widgets[name] : null;
    }

    function uploadOutcome() {
        return document.getElementById("uploadForm:uploadOutcome");
    }

    /** Shows sentence in the Upload dialog where the server's refusals appear (as text, never as markup). */
    function showRefusal(sentence) {
        var outcome = uploadOutcome();
        if (!outcome) {
            return;
        }
        var box = document.createElement("div");
        box.className = "nvl-msg nvl-sev-error";
        var line = document.createElement("p");
        line.id = "uploadRefusal";
        line.textContent = sentence;
        box.appendChild(line);
        outcome.replaceChildren(box);
    }

    /** The sentence of a refusal page (id uploadRefusal) the server answered with, or null. */
    function sentenceOf(xhr) {
        var type = xhr && xhr.getResponseHeader ? xhr.getResponseHeader("Content-Type") || "" : "";
        if (!xhr || !xhr.responseText || type.indexOf("text/html") !== 0) {
            return null;
        }
        var refusal = new DOMParser().parseFromString(xhr.responseText, "text/html").getElementById("uploadRefusal");
        var text = refusal ? refusal.textContent.trim() : "";
        return text ? text : null;
    }

    window.NvLicense = {
        /** After an apply: the pop-up for an applied key, the held key's panel for one that gives less. */
        afterApply: function (args) {
            var upload = widget("uploadDialog");
            if (args && args.applied) {
                if (upload) {
                    upload.hide();
                }
                if (widget("appliedDialog")) {
                    widget("appliedDialog").show();
                }
            } else if (args && args.held) {
                if (upload) {
                    upload.hide();
                }
                var held = document.getElementById("heldKey");
                if (held) {
                    held.focus();
                }
            }
        },

        /** The file chooser's own check: a file over the cap is refused here and never sent. */
        checkKeySize: function (file, add) {
            var outcome = uploadOutcome();
            var max = outcome ? parseInt(outcome.getAttribute("data-nv-max-bytes"), 10) : NaN;
            if (file && max > 0 && file.size > max) {
                showRefusal(outcome.getAttribute("data-nv-too-large"));
                return;
            }
            add(file);
        },

        /**
         * A try the server refused before the page saw it (413 over the body limit, 411, a broken connection):
         * the refusal page's sentence, else the dialog's own. The file chooser is emptied and Apply enabled again
         * for the next try (PrimeFaces leaves a button disabled after a request that failed).
         */
        refusedBeforeTheBean: function (xhr, chooser) {
            var outcome = uploadOutcome();
            var sentence = sentenceOf(xhr) || (outcome ? outcome.getAttribute("data-nv-not-sent") : null);
            if (chooser && typeof chooser.clear === "function") {
                chooser.clear();
            }
            var apply = widget("applyPastedButton");
            if (apply) {
                apply.jq.removeClass("ui-state-loading").find(".ui-icon-loading").remove();
                apply.enable();
            }
            if (sentence) {
                showRefusal(sentence);
            }
        }
    };
})();
