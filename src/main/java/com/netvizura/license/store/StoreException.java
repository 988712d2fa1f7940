package com.netvizura.license.store;

import com.netvizura.license.model.Messages;

/**
 * The license directory could not be read or changed. The message is an admin sentence (key {@code store.*} in
 * messages.properties) that says what went wrong and what to do; a failed apply always leaves the previous key active.
 */
public class StoreException extends Exception {

    private final String messageKey;

    StoreException(String messageKey, Throwable cause, Object... args) {
        super(Messages.get(messageKey, args), cause);
        this.messageKey = messageKey;
    }

    /** The messages.properties key of the sentence, e.g. {@code store.atomicMoveUnsupported}. */
    public String messageKey() {
        return messageKey;
    }
}
