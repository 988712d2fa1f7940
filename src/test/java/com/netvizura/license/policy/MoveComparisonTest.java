package com.netvizura.license.policy;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseChange;
import com.netvizura.license.model.LicenseType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A key from {@code issue --move}: the same terms for another Installation Code, superseding the active license. */
class MoveComparisonTest {

    private static License key(String id, String code, String supersedes, LocalDate maintenanceUntil) {
        return new License(id, Instant.parse("2026-11-28T10:00:00Z"), "ACME", null, LicenseType.PERPETUAL,
                maintenanceUntil, null, code, List.of("netflow"), Map.of("devices", 100L), supersedes, Map.of(), 14);
    }

    @Test
    void moveWithTheSameTerms_movesTheLicense_andGivesNothingLess() {
        License active = key("NVZ-1", "NVZ1-OLD", null, LocalDate.parse("2027-12-20"));
        License moved = key("NVZ-2", "NVZ1-NEW", "NVZ-1", LocalDate.parse("2027-12-20"));

        LicenseChange change = LicenseComparison.between(active, moved);

        assertEquals(Optional.of("Moves license NVZ-1 to this server: the same terms, now bound to this server's"
                + " Installation Code."), change.renewal());
        assertFalse(change.givesLess());
    }

    @Test
    void moveThatAlsoExtends_saysBoth() {
        License active = key("NVZ-1", "NVZ1-OLD", null, LocalDate.parse("2027-12-20"));
        License moved = key("NVZ-2", "NVZ1-NEW", "NVZ-1", LocalDate.parse("2028-12-20"));

        assertEquals(Optional.of("Moves license NVZ-1 to this server: maintenance and support until 2028-12-20"
                + " (was 2027-12-20)."), LicenseComparison.between(active, moved).renewal());
    }
}
