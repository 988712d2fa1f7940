package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;
import com.netvizura.license.model.License;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.netvizura.license.key.KeyFixtures.VENDOR;
import static com.netvizura.license.key.KeyFixtures.keyFile;
import static com.netvizura.license.key.KeyFixtures.perpetual;
import static com.netvizura.license.key.KeyFixtures.perpetualClaims;
import static com.netvizura.license.key.KeyFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code hardware_grace_days} claim (DESIGN.md section 3): 0 to 90, absent means 0, anything else refused. */
class HardwareGraceClaimTest {

    private static License withClaim(String rawJson) throws LicenseKeyException {
        LinkedHashMap<String, String> claims = perpetualClaims();
        claims.put(LicenseClaims.HARDWARE_GRACE_DAYS, rawJson);
        return verifier().verify(keyFile(claims));
    }

    @Test
    void absentClaim_meansNoHardwareGrace() throws Exception {
        assertEquals(0, verifier().verify(keyFile(perpetualClaims())).hardwareGraceDays());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 14, 90})
    void claimWithinBounds_isRead(int days) throws Exception {
        License license = withClaim(String.valueOf(days));

        assertEquals(days, license.hardwareGraceDays());
        assertFalse(license.otherClaims().containsKey(LicenseClaims.HARDWARE_GRACE_DAYS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91", "-1", "14.5", "1e1", "\"14\"", "null", "99999999999999999999"})
    void claimOutOfBoundsOrNotAWholeNumber_isRefused(String rawJson) {
        LicenseKeyException e = assertThrows(LicenseKeyException.class, () -> withClaim(rawJson));

        assertEquals(Reason.INVALID_CLAIM, e.reason());
    }

    @Test
    void signedWithGraceDays_readsBackTheSame() throws Exception {
        License p = perpetual();
        License withGrace = new License(p.id(), p.issuedAt(), p.licensee(), p.email(), p.type(), p.maintenanceUntil(),
                p.usageUntil(), p.installationCode(), p.modules(), p.limits(), p.supersedes(), Map.of(), 21);

        assertEquals(withGrace, verifier().verify(LicenseKeySigner.signToBytes(withGrace, VENDOR.privateKey())));
    }
}
