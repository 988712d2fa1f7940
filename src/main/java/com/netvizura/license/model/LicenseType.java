package com.netvizura.license.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of license the vendor sells, with their claim values in the key format. */
public enum LicenseType {
    /** Usage never ends; maintenance and support until {@code maintenance_until}. */
    PERPETUAL("perpetual"),
    /** Usage, maintenance and support until {@code usage_until}. */
    SUBSCRIPTION("subscription"),
    /** Like a subscription, for evaluation. */
    TRIAL("trial");

    private final String claimValue;

    LicenseType(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value of the {@code license_type} claim. */
    public String claimValue() {
        return claimValue;
    }

    /** Whether a key of this type must carry {@code usage_until}. */
    public boolean hasUsageEnd() {
        return this != PERPETUAL;
    }

    public static Optional<LicenseType> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(t -> t.claimValue.equals(value)).findFirst();
    }
}
