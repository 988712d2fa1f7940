package com.netvizura.license.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The admin-facing sentences, all kept in one bundle ({@code com/netvizura/license/messages.properties}).
 * Keys are grouped by the part that uses them ({@code key.*}, {@code machine.*}, {@code policy.*}, ...).
 */
public final class Messages {

    static final String BUNDLE = "com.netvizura.license.messages";

    private Messages() {
    }

    /** The sentence for {@code key} with {@link MessageFormat} arguments filled in. */
    public static String get(String key, Object... args) {
        return get(Locale.ENGLISH, key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("ERROR_UNKNOWN_MESSAGE_KEY: add [" + key + "] to messages.properties", e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
