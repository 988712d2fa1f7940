package com.netvizura.license.issuer;

import com.netvizura.license.machine.InstallationCodeCodec;
import com.netvizura.license.machine.InstallationCodeException;

/**
 * Checks an installation code before a key is bound to it, so that a mistyped or truncated code is refused at
 * issue time rather than discovered by the customer.
 */
final class InstallationCodeCheck {

    private InstallationCodeCheck() {
    }

    /**
     * The code in its canonical form, decoded with its checksum by the same codec the server uses (this is the one
     * place the issuer decides whether a code is acceptable; the codec loads no hardware-probe classes).
     *
     * @throws IssuerException refused when the code is not a valid installation code
     */
    static String requireWellFormed(String code) throws IssuerException {
        try {
            return InstallationCodeCodec.canonical(code).value();
        } catch (InstallationCodeException e) {
            throw IssuerException.refused(e.getMessage());
        }
    }
}
