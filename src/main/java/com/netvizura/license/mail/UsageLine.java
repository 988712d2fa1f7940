package com.netvizura.license.mail;

import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Usage;

/**
 * One usage line of the License Details (DESIGN.md section 11), in the vendor's language like every other line:
 * "Usage devices: 87 of 100, 30-day peak 91", or "Usage probes: 12 (not limited), 30-day peak 14".
 */
public final class UsageLine {

    private UsageLine() {
    }

    public static String of(Usage usage) {
        String count = usage.limit().isPresent() ? usage.inUse() + " of " + usage.limit().getAsLong()
                : usage.inUse() + " (not limited)";
        String over = usage.overSince().map(day -> ", over the limit since " + day).orElse("");
        return LicenseDetails.USAGE_PREFIX + usage.name() + ": " + count + ", 30-day peak " + usage.peak30d() + over;
    }
}
