package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.InstallationCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class InstallationCodeCodecTest {

    private static final String SHAPE = "NVZ1(-[0-9A-HJKMNP-TV-Z]{5})*(-[0-9A-HJKMNP-TV-Z]{1,5})";

    @Test
    void encode_smallVm_givesShortCodeInFiveSymbolGroups() {
        String code = InstallationCodes.of(Machines.smallVm()).value();

        assertTrue(code.matches(SHAPE), code);
        assertEquals(16, code.substring(4).replace("-", "").length(), "3 components: 2 header + 3 x 4 hash + 2 check");
    }

    @Test
    void encode_everyComponent_stillTypeable() {
        String code = InstallationCodes.of(Machines.server()).value();

        assertTrue(code.matches(SHAPE), code);
        assertTrue(code.length() <= 4 + 36 + 8, code);
    }

    @Test
    void decode_encodedFingerprints_giveThemBack() throws Exception {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            Fingerprint f = randomFingerprint(random);
            assertEquals(f, InstallationCodeCodec.decode(InstallationCodeCodec.encode(f).value()));
        }
    }

    @Test
    void decode_machineWithoutAnyComponent_givesEmptyFingerprint() throws Exception {
        Fingerprint none = new Fingerprint(Map.of());
        String code = InstallationCodeCodec.encode(none).value();

        assertEquals(none, InstallationCodeCodec.decode(code));
    }

    @Test
    void decode_lowerCaseAliasesSpacesAndDashes_areAccepted() throws Exception {
        InstallationCode code = InstallationCodes.of(Machines.server());
        String typed = code.value().toLowerCase().replace("-", " ").replace('1', 'l').replace('0', 'O');
        String dashes = code.value().replace('-', '\u2013');

        assertEquals(code, InstallationCodeCodec.canonical(typed));
        assertEquals(code, InstallationCodeCodec.canonical("  " + code.value().replace("-", "") + "\n"));
        assertEquals(code, InstallationCodeCodec.canonical(dashes));
        assertEquals(code, InstallationCodeCodec.canonical(code.value().replace('1', 'I')));
    }

    @Test
    void decode_everySingleMistypedSymbol_isRefused() {
        Random random = new Random(7);
        int tried = 0;
        for (int n = 0; n < 150; n++) {
            String symbols = symbols(InstallationCodeCodec.encode(randomFingerprint(random)));
            for (int i = 0; i < symbols.length(); i++) {
                for (char c : Crockford32.ALPHABET.toCharArray()) {
                    if (c != symbols.charAt(i)) {
                        assertRefused("NVZ1-" + symbols.substring(0, i) + c + symbols.substring(i + 1));
                        tried++;
                    }
                }
            }
        }
        assertTrue(tried > 50_000, "tried " + tried);
    }

    @Test
    void decode_everySwapOfAdjacentSymbols_isRefused() {
        Random random = new Random(11);
        int tried = 0;
        for (int n = 0; n < 2000; n++) {
            String symbols = symbols(InstallationCodeCodec.encode(randomFingerprint(random)));
            for (int i = 0; i + 1 < symbols.length(); i++) {
                if (symbols.charAt(i) != symbols.charAt(i + 1)) {
                    assertRefused("NVZ1-" + symbols.substring(0, i) + symbols.charAt(i + 1) + symbols.charAt(i)
                            + symbols.substring(i + 2));
                    tried++;
                }
            }
        }
        assertTrue(tried > 20_000, "tried " + tried);
    }

    @Test
    void decode_empty_saysWhereToFindTheCode() {
        InstallationCodeException e = assertThrows(InstallationCodeException.class, () -> InstallationCodeCodec.decode("  "));
        assertTrue(e.getMessage().contains("License page"), e.getMessage());
    }

    @Test
    void decode_somethingElse_saysItIsNoInstallationCode() {
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeCodec.decode("NVZ-2026-000123"));
        assertEquals("[NVZ-2026-000123] is not an Installation Code: an Installation Code starts with NVZ1-. "
                + "Copy it again from the License page of the NetVizura server.", e.getMessage());
    }

    @Test
    void decode_unknownVersion_saysSo() {
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeCodec.decode("NVZ2-6144B-SW0VD-QSNTF-3"));
        assertTrue(e.getMessage().contains("starts with NVZ2"), e.getMessage());
    }

    @Test
    void decode_letterU_namesTheCharacter() {
        String code = InstallationCodes.of(Machines.smallVm()).value();
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeCodec.decode(code.substring(0, 6) + "U" + code.substring(7)));
        assertTrue(e.getMessage().contains("contains [U]"), e.getMessage());
    }

    @Test
    void decode_symbolMissing_saysOneTooFew() {
        String code = InstallationCodes.of(Machines.smallVm()).value();
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeCodec.decode(code.substring(0, code.length() - 1)));
        assertTrue(e.getMessage().contains("a character too many or too few"), e.getMessage());
    }

    @Test
    void decode_mistyped_saysMistypedAndToCopy() {
        String code = InstallationCodes.of(Machines.smallVm()).value();
        String wrong = code.substring(0, 8) + (code.charAt(8) == 'A' ? 'B' : 'A') + code.substring(9);
        InstallationCodeException e = assertThrows(InstallationCodeException.class, () -> InstallationCodeCodec.decode(wrong));
        assertEquals("The Installation Code [" + wrong + "] is mistyped: its check characters do not fit the rest. "
                + "Copy the code again from the License page instead of typing it.", e.getMessage());
    }

    @Test
    void decode_reservedNetworkCount_isRefusedEvenWithRightCheck() {
        // Header "0" (no single component), "4" network hashes: reserved, with a correct check.
        List<Integer> symbols = new ArrayList<>(List.of(0, 4));
        for (int i = 0; i < 16; i++) {
            symbols.add(i);
        }
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeCodec.decode(withCheck(symbols)));
        assertTrue(e.getMessage().contains("is not one a NetVizura server makes"), e.getMessage());
    }

    @Test
    void decode_headerAndLengthDisagree_isRefusedEvenWithRightCheck() {
        List<Integer> symbols = new ArrayList<>(List.of(0b00110, 1, 1, 2, 3, 4, 5, 6, 7, 8)); // 3 hashes announced, 2 given
        InstallationCodeException e = assertThrows(InstallationCodeException.class,
                () -> InstallationCodeCodec.decode(withCheck(symbols)));
        assertTrue(e.getMessage().contains("is not one a NetVizura server makes"), e.getMessage());
    }

    @Test
    void decode_hugeInput_showsOnlyItsStart() {
        String huge = "x".repeat(100_000);
        InstallationCodeException e = assertThrows(InstallationCodeException.class, () -> InstallationCodeCodec.decode(huge));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    private static void assertRefused(String code) {
        try {
            InstallationCodeCodec.decode(code);
            fail("accepted a mistyped code " + code);
        } catch (InstallationCodeException expected) {
            // refused, as it must be
        }
    }

    private static String symbols(InstallationCode code) {
        return code.value().substring(InstallationCodeCodec.PREFIX.length()).replace("-", "");
    }

    private static String withCheck(List<Integer> symbols) {
        int r = 0;
        StringBuilder sb = new StringBuilder("NVZ1-");
        for (int v : symbols) {
            r = (r * 32 + v) % InstallationCodeCodec.CHECK_MODULUS;
            sb.append(Crockford32.symbol(v));
        }
        return sb.append(Crockford32.symbol(r >>> 5)).append(Crockford32.symbol(r & 31)).toString();
    }

    /** A fingerprint with a random subset of components and 0..3 network hashes. */
    static Fingerprint randomFingerprint(Random random) {
        Map<HardwareComponent, List<Integer>> hashes = new EnumMap<>(HardwareComponent.class);
        for (HardwareComponent c : HardwareComponent.values()) {
            int count = c == HardwareComponent.NETWORK_CARDS ? random.nextInt(Fingerprint.MAX_NETWORK_CARDS + 1)
                    : random.nextInt(2);
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(random.nextInt(1 << Fingerprint.HASH_BITS));
            }
            if (!list.isEmpty()) {
                hashes.put(c, list);
            }
        }
        return new Fingerprint(hashes);
    }
}
