package com.netvizura.license.machine;

import com.netvizura.license.model.HardwareComponent;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.Messages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the text form of an Installation Code, version 1.
 *
 * <p>Shape: {@code NVZ1-} followed by Crockford base32 symbols ({@code 0-9 A-Z} without I, L, O, U) in groups of
 * five separated by hyphens. The symbols, in order:
 * <ol>
 *   <li>one <b>presence</b> symbol: bit 4 hardware UUID, bit 3 mainboard serial, bit 2 processor id,
 *       bit 1 operating-system installation id, bit 0 disk serial;</li>
 *   <li>one <b>network</b> symbol: how many MAC address hashes follow (0 to {@value Fingerprint#MAX_NETWORK_CARDS});
 *       higher values are reserved and refused;</li>
 *   <li>for each present component in the order hardware UUID, mainboard, processor, operating system, network
 *       cards (one per MAC), disk: its {@value Fingerprint#HASH_BITS}-bit hash as four symbols, most significant
 *       first (see {@link Fingerprint});</li>
 *   <li>two <b>check</b> symbols: the value of all symbols above read as one base-32 number, modulo 1021, written as
 *       two symbols (high five bits first).</li>
 * </ol>
 * Because 1021 is a prime larger than 32 and divides neither 31 nor 33, the check catches every single mistyped
 * symbol (the number changes by d&middot;32<sup>k</sup> with 0&lt;|d|&lt;32) and every swap of two adjacent symbols
 * (it changes by d&middot;31&middot;32<sup>k</sup>, or by d&middot;33 across the last data and first check symbol);
 * a mistyped check symbol changes the check itself. The test suite confirms this exhaustively on sample codes.
 *
 * <p>Reading ignores case, hyphens, dashes and spaces, and takes I and L for 1 and O for 0. Anything else that is
 * wrong is refused with an {@link InstallationCodeException} whose message tells the admin what to do.
 * A machine that reports three components has a code of 16 symbols, e.g. {@code NVZ1-6144B-SW0VD-QSNTF-3}.
 */
public final class InstallationCodeCodec {

    /** Text before the symbols; the digit is the code version. */
    public static final String PREFIX = "NVZ1-";

    static final int CHECK_MODULUS = 1021;
    static final int GROUP = 5;

    private static final int SYMBOLS_PER_HASH = Fingerprint.HASH_BITS / 5;
    private static final int MAX_SHOWN = 60;
    /** The components a presence bit stands for, most significant bit first. */
    private static final List<HardwareComponent> PRESENCE_BITS = List.of(
            HardwareComponent.HARDWARE_UUID, HardwareComponent.BASEBOARD_SERIAL, HardwareComponent.PROCESSOR_ID,
            HardwareComponent.OS_INSTALLATION_ID, HardwareComponent.DISK_SERIAL);

    private InstallationCodeCodec() {
    }

    /** The canonical text of {@code fingerprint}. */
    public static InstallationCode encode(Fingerprint fingerprint) {
        List<Integer> symbols = new ArrayList<>();
        int presence = 0;
        for (HardwareComponent c : PRESENCE_BITS) {
            presence = presence << 1 | (fingerprint.hashes().containsKey(c) ? 1 : 0);
        }
        symbols.add(presence);
        symbols.add(fingerprint.hashes().getOrDefault(HardwareComponent.NETWORK_CARDS, List.of()).size());
        fingerprint.hashes().forEach((component, hashes) -> {
            for (int h : hashes) {
                for (int shift = Fingerprint.HASH_BITS - 5; shift >= 0; shift -= 5) {
                    symbols.add(h >>> shift & 31);
                }
            }
        });
        int check = check(symbols);
        symbols.add(check >>> 5);
        symbols.add(check & 31);

        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < symbols.size(); i++) {
            if (i > 0 && i % GROUP == 0) {
                sb.append('-');
            }
            sb.append(Crockford32.symbol(symbols.get(i)));
        }
        return new InstallationCode(sb.toString());
    }

    /**
     * Reads an Installation Code as an admin or vendor pasted or typed it.
     *
     * @throws InstallationCodeException with an admin sentence when the text is not a valid version 1 code
     */
    public static Fingerprint decode(String text) throws InstallationCodeException {
        if (text == null || text.isBlank()) {
            throw new InstallationCodeException(Messages.get("machine.code.empty"));
        }
        String shown = shown(text);
        // The version symbol follows "NVZ" directly: "NVZ-2026-000123" is a license id, not a code of version 2.
        String head = text.strip();
        if (head.length() < 4 || !head.substring(0, 3).equalsIgnoreCase("NVZ") || Crockford32.value(head.charAt(3)) < 0) {
            throw new InstallationCodeException(Messages.get("machine.code.prefix", shown));
        }
        if (Crockford32.value(head.charAt(3)) != 1) {
            throw new InstallationCodeException(Messages.get("machine.code.version", shown, head.substring(0, 4)));
        }
        String data = head.substring(4).replaceAll("[\\s\\u00A0\\u2007\\u202F\\-\\u2010-\\u2015]", "");
        List<Integer> symbols = new ArrayList<>(data.length());
        for (char ch : data.toCharArray()) {
            int v = Crockford32.value(ch);
            if (v < 0) {
                throw new InstallationCodeException(Messages.get("machine.code.character", shown, String.valueOf(ch)));
            }
            symbols.add(v);
        }
        if (symbols.size() < 4 || symbols.size() % SYMBOLS_PER_HASH != 0) {
            throw new InstallationCodeException(Messages.get("machine.code.length", shown));
        }
        List<Integer> payload = symbols.subList(0, symbols.size() - 2);
        int stored = symbols.get(symbols.size() - 2) << 5 | symbols.get(symbols.size() - 1);
        if (stored != check(payload)) {
            throw new InstallationCodeException(Messages.get("machine.code.checksum", shown));
        }
        return fingerprint(payload, shown);
    }

    /**
     * The canonical form of a code as typed (upper case, aliases resolved, hyphens where they belong).
     *
     * @throws InstallationCodeException with an admin sentence when the text is not a valid code
     */
    public static InstallationCode canonical(String text) throws InstallationCodeException {
        return encode(decode(text));
    }

    private static Fingerprint fingerprint(List<Integer> payload, String shown) throws InstallationCodeException {
        int presence = payload.get(0);
        int networkCards = payload.get(1);
        if (networkCards > Fingerprint.MAX_NETWORK_CARDS) {
            throw new InstallationCodeException(Messages.get("machine.code.structure", shown));
        }
        int hashCount = Integer.bitCount(presence) + networkCards;
        if (payload.size() != 2 + hashCount * SYMBOLS_PER_HASH) {
            throw new InstallationCodeException(Messages.get("machine.code.structure", shown));
        }
        Map<HardwareComponent, List<Integer>> hashes = new EnumMap<>(HardwareComponent.class);
        int next = 2;
        for (HardwareComponent c : HardwareComponent.values()) {
            int count = c == HardwareComponent.NETWORK_CARDS ? networkCards
                    : (presence >>> (PRESENCE_BITS.size() - 1 - PRESENCE_BITS.indexOf(c)) & 1);
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int h = 0;
                for (int j = 0; j < SYMBOLS_PER_HASH; j++) {
                    h = h << 5 | payload.get(next++);
                }
                list.add(h);
            }
            if (!list.isEmpty()) {
                hashes.put(c, list);
            }
        }
        return new Fingerprint(hashes);
    }

    private static int check(List<Integer> symbols) {
        int r = 0;
        for (int v : symbols) {
            r = (r * 32 + v) % CHECK_MODULUS;
        }
        return r;
    }

    /** The input as it may appear in a message: one line, not endless. */
    private static String shown(String text) {
        String oneLine = text.strip().replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
    }
}
