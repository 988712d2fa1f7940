package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseClaims;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code issue} tells the vendor: the summary of the key it wrote, and what the License Details imply. */
final class IssueReport {

    private IssueReport() {
    }

    /** The summary on standard output. */
    static void issued(PrintWriter out, License license, Optional<RenewalNote> note, String kid, Path file) {
        out.println("Issued " + license.type().claimValue() + " license " + license.id() + " for [" + license.licensee()
                + "]");
        license.supersedesIfAny().ifPresent(s -> out.println("  renews             " + s));
        note.ifPresent(n -> out.println("  period             " + n.sentence()));
        license.usageUntilIfAny().ifPresent(d -> out.println("  usage until        " + d));
        out.println("  maintenance until  " + license.maintenanceUntil());
        out.println("  installation code  " + license.installationCode());
        out.println("  hardware grace     " + graceDays(license));
        out.println("  signed with kid    " + kid);
        out.println("Wrote " + file);
    }

    /** The summary of {@code issue --move}: what was kept from the old key, and the new code. */
    static void moved(PrintWriter out, License old, License moved, String kid, Path file) {
        out.println("Moved " + old.type().claimValue() + " license " + old.id() + " of [" + old.licensee()
                + "] to a new Installation Code as " + moved.id());
        out.println("  supersedes         " + old.id());
        out.println("  kept               licensee, e-mail, type, dates, modules, limits (no day added)");
        moved.usageUntilIfAny().ifPresent(d -> out.println("  usage until        " + d));
        out.println("  maintenance until  " + moved.maintenanceUntil());
        out.println("  modules            "
                + (moved.modules().isEmpty() ? "(none)" : String.join(", ", moved.modules())));
        out.println("  limits             " + (moved.limits().isEmpty() ? "(none)" : moved.limits().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "))));
        out.println("  installation code  " + moved.installationCode() + " (was " + old.installationCode() + ")");
        out.println("  hardware grace     " + graceDays(moved));
        out.println("  signed with kid    " + kid);
        out.println("Wrote " + file);
    }

    static String graceDays(License license) {
        return license.hardwareGraceDays() == 0 ? "none" : license.hardwareGraceDays() + " days";
    }

    /**
     * A note on standard error when the License Details name a current license that {@code issued} does not renew:
     * a fresh key is then seldom what the customer needs, a renewal of that license is.
     */
    static void currentLicense(PrintWriter err, LicenseDetails details, License issued) {
        Optional<String> current = details.get(LicenseDetails.Field.LICENSE_ID)
                .filter(LicenseClaims::isWellFormedLicenseId)
                .filter(v -> !v.equalsIgnoreCase(LicenseDetails.NONE));
        if (current.isEmpty() || current.get().equals(issued.supersedes())) {
            return;
        }
        Optional<String> changed = details.get(LicenseDetails.Field.HARDWARE_CHANGED);
        if (changed.isPresent()) {
            err.println("note: the License Details say the hardware of license " + current.get() + " changed ("
                    + changed.get() + "); to move that license to this server with the same terms, issue --move "
                    + current.get() + ".key instead");
        }
        if (issued.supersedes() == null) {
            err.println("note: the License Details name the current license " + current.get() + "; this key is a new"
                    + " license starting today, not its renewal. To renew it (licensee, type, modules and limits copied,"
                    + " no day lost), issue again with --renew " + current.get() + ".key (the key you issued then)");
        } else {
            err.println("note: the License Details name the current license " + current.get() + ", not "
                    + issued.supersedes() + " that this key renews");
        }
    }
}
