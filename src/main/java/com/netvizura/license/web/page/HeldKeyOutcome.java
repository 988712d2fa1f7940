package com.netvizura.license.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** What Apply anyway or Cancel came to in this request, shown once above the held key (or where it was). */
@Named("nvHeldOutcome")
@RequestScoped
public class HeldKeyOutcome {

    private String message;
    private boolean error;

    void error(String sentence) {
        message = sentence;
        error = true;
    }

    void done(String sentence) {
        message = sentence;
        error = false;
    }

    public String getMessage() {
        return message;
    }

    public boolean isError() {
        return error;
    }
}
