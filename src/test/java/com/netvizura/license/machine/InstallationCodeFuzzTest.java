package com.netvizura.license.machine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Fuzz tests of the Installation Code decoder (Jazzer). Property: any text ends in a {@link Fingerprint} (whose
 * canonical code decodes to the same fingerprint) or an {@link InstallationCodeException} with a sentence; anything
 * else is a finding. Saved inputs in
 * {@code src/test/resources/com/netvizura/license/machine/InstallationCodeFuzzTestInputs/<method>/} replay in every
 * test run; {@code JAZZER_FUZZ=1} fuzzes (README, section Hardening).
 */
class InstallationCodeFuzzTest {

    private static final InstallationCode SERVER = InstallationCodes.of(Machines.server());

    @FuzzTest(maxDuration = "5m")
    void decode_anyText_returnsAFingerprintOrRefuses(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Fingerprint fingerprint = InstallationCodeCodec.decode(text);
            InstallationCode canonical = InstallationCodeCodec.canonical(text);
            assertEquals(fingerprint, InstallationCodeCodec.decode(canonical.value()));
            assertEquals(canonical, InstallationCodeCodec.canonical(canonical.value()));
        } catch (InstallationCodeException e) {
            assertFalse(e.getMessage().isBlank(), "a refusal says why");
        }
    }

    @FuzzTest(maxDuration = "5m")
    void match_anyCodeInKey_returnsAMatchOrRefuses(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            MachineMatch match = InstallationCodeMatcher.match(text, SERVER);
            assertNotNull(match.rule());
        } catch (InstallationCodeException e) {
            assertFalse(e.getMessage().isBlank(), "a refusal says why");
        }
    }
}
