package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The plugin's words for its pages, read from the one message bundle: {@code #{nvText.get('web.license.title')}}.
 * A bean rather than a Faces resource-bundle declaration, because in an overlay the host's
 * {@code WEB-INF/faces-config.xml} wins and a declaration of the plugin's would be lost.
 */
@Named("nvText")
@ApplicationScoped
public class PageText {

    /** The sentence for {@code key} in the locale of the current view. */
    public String get(String key) {
        return Messages.get(locale(), key);
    }

    /** The sentence for {@code key} with one argument filled in. */
    public String format(String key, Object argument) {
        return Messages.get(locale(), key, argument);
    }

    /** The locale of the current view, English when there is none yet. */
    static Locale locale() {
        return locale(FacesContext.getCurrentInstance());
    }

    /** The locale of {@code faces}' view, English when there is none yet: the one locale rule of the pages. */
    static Locale locale(FacesContext faces) {
        if (faces != null && faces.getViewRoot() != null && faces.getViewRoot().getLocale() != null) {
            return faces.getViewRoot().getLocale();
        }
        return Locale.ENGLISH;
    }
}
