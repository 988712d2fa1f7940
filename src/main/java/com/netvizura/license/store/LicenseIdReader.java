package com.netvizura.license.store;

import java.util.Optional;

/**
 * Tells the license id ({@code jti}) of key bytes, so that the store can name the history file of a key it retires.
 * The service implements it with the key parser; the store never parses keys itself.
 */
@FunctionalInterface
public interface LicenseIdReader {

    /** The license id of {@code key}, or empty when the bytes carry none that can be read. Must not throw. */
    Optional<String> licenseIdOf(byte[] key);
}
