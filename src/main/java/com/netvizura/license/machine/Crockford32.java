package com.netvizura.license.machine;

/**
 * Douglas Crockford's base32 symbols: digits and upper-case letters without I, L, O and U, so that a code read
 * aloud or typed from paper is hard to get wrong. On input, I and L are read as 1 and O as 0, case is ignored.
 */
final class Crockford32 {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Crockford32() {
    }

    static char symbol(int value) {
        return ALPHABET.charAt(value);
    }

    /** The value 0..31 of {@code c}, or -1 when {@code c} is not a base32 symbol or alias. */
    static int value(char c) {
        if (c >= 128) {
            return -1; // toUpperCase would turn the Turkish dotless i into I, which is no typing slip
        }
        char u = Character.toUpperCase(c);
        if (u == 'I' || u == 'L') {
            return 1;
        }
        if (u == 'O') {
            return 0;
        }
        return ALPHABET.indexOf(u);
    }
}
