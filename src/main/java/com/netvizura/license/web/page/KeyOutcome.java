package com.netvizura.license.web.page;

import com.netvizura.license.model.Actor;
import com.netvizura.license.model.Messages;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.Confirmation;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import java.util.Locale;

/**
 * What one try to apply a key came to: applied, held for Apply anyway, or refused with the admin's sentence. Worked
 * out here without Faces, so that every way a key arrives on the page (a file, a pasted key, Apply again, Apply
 * anyway) gets the same outcome and the same sentence, and a unit test can compare them ({@link KeyApply} shows it).
 */
sealed interface KeyOutcome {

    /** The key is the active license now (or was already: {@link AppliedLicense#changed()} says which). */
    record Applied(AppliedLicense license) implements KeyOutcome {
    }

    /** The key gives less than the active license and waits for Apply anyway. */
    record Held(byte[] key, LicenseHeldException held) implements KeyOutcome {
    }

    /** The key was refused; {@code sentence} is what the admin reads, {@code cause} the service's why. */
    record Refused(String sentence, LicenseRefusedException.Cause cause) implements KeyOutcome {
    }

    /** Lets {@code service} check and apply {@code key} for {@code actor}; sentences in {@code locale}. */
    static KeyOutcome of(LicenseService service, byte[] key, Actor actor, Locale locale) {
        try {
            return new Applied(service.apply(key, actor));
        } catch (LicenseHeldException e) {
            return new Held(key, e);
        } catch (LicenseRefusedException e) {
            return new Refused(refusal(e, locale), e.refusal());
        }
    }

    /** Apply anyway of a held key the admin confirmed with {@code confirmed}. */
    static KeyOutcome anyway(LicenseService service, byte[] key, Confirmation confirmed, Actor actor, Locale locale) {
        try {
            return new Applied(service.applyAnyway(key, confirmed, actor));
        } catch (LicenseRefusedException e) {
            return new Refused(refusal(e, locale), e.refusal());
        }
    }

    /**
     * The one sentence of a refused key: the service's reason and "Your current license is unchanged." in the page's
     * locale. A stale Apply anyway confirmation already says what happened (nothing was applied) and gets no second
     * ending.
     */
    static String refusal(LicenseRefusedException e, Locale locale) {
        return e.refusal() == LicenseRefusedException.Cause.STALE_CONFIRMATION ? e.getMessage()
                : unchanged(e.getMessage(), locale);
    }

    /** {@code reason} followed by "Your current license is unchanged." in {@code locale}. */
    static String unchanged(String reason, Locale locale) {
        return reason + " " + Messages.get(locale, "upload.unchanged");
    }
}
