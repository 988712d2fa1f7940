package com.netvizura.license.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a license key whose signature has been verified.
 *
 * @param id                 the license id ({@code jti}), e.g. {@code NVZ-2026-000123}
 * @param issuedAt           {@code iat}
 * @param licensee           the organization ({@code sub})
 * @param email              licensee contact, or {@code null}
 * @param type               {@code license_type}
 * @param maintenanceUntil   last day of maintenance and support (inclusive)
 * @param usageUntil         last day of usage (inclusive); {@code null} for perpetual licenses
 * @param installationCode   the installation code the key is bound to
 * @param modules            licensed modules
 * @param limits             numeric limits such as {@code devices}
 * @param supersedes         the license id this key renews, or {@code null}
 * @param otherClaims        claims this version does not know, as JSON text, kept to be shown
 * @param hardwareGraceDays  {@code hardware_grace_days}: days NetVizura keeps running after this server stops matching
 *                           {@code installationCode}, 0 to {@value #MAX_HARDWARE_GRACE_DAYS}; 0 when the key has none
 */
public record License(
        String id,
        Instant issuedAt,
        String licensee,
        String email,
        LicenseType type,
        LocalDate maintenanceUntil,
        LocalDate usageUntil,
        String installationCode,
        List<String> modules,
        Map<String, Long> limits,
        String supersedes,
        Map<String, String> otherClaims,
        int hardwareGraceDays) {

    /** The only accepted {@code iss}. */
    public static final String ISSUER = "NetVizura";
    /** The only accepted {@code product}. */
    public static final String PRODUCT = "netvizura";
    /** The most hardware grace days a key may give (DESIGN.md section 3). */
    public static final int MAX_HARDWARE_GRACE_DAYS = 90;

    public License {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(licensee, "licensee");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maintenanceUntil, "maintenanceUntil");
        Objects.requireNonNull(installationCode, "installationCode");
        if (type.hasUsageEnd() != (usageUntil != null)) {
            throw new IllegalArgumentException(type.hasUsageEnd()
                    ? "a " + type.claimValue() + " license needs usageUntil"
                    : "a perpetual license has no usageUntil");
        }
        modules = List.copyOf(modules == null ? List.of() : modules);
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits == null ? Map.of() : limits));
        otherClaims = Collections.unmodifiableMap(new LinkedHashMap<>(otherClaims == null ? Map.of() : otherClaims));
        if (hardwareGraceDays < 0 || hardwareGraceDays > MAX_HARDWARE_GRACE_DAYS) {
            throw new IllegalArgumentException("hardwareGraceDays must be 0 to " + MAX_HARDWARE_GRACE_DAYS
                    + ", got " + hardwareGraceDays);
        }
    }

    /** A license without hardware grace, as keys carried before {@code hardware_grace_days} existed. */
    public License(String id, Instant issuedAt, String licensee, String email, LicenseType type,
            LocalDate maintenanceUntil, LocalDate usageUntil, String installationCode, List<String> modules,
            Map<String, Long> limits, String supersedes, Map<String, String> otherClaims) {
        this(id, issuedAt, licensee, email, type, maintenanceUntil, usageUntil, installationCode, modules, limits,
                supersedes, otherClaims, 0);
    }

    public Optional<String> emailIfAny() {
        return Optional.ofNullable(email);
    }

    public Optional<LocalDate> usageUntilIfAny() {
        return Optional.ofNullable(usageUntil);
    }

    public Optional<String> supersedesIfAny() {
        return Optional.ofNullable(supersedes);
    }
}
