package com.netvizura.license.policy;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseChange;
import com.netvizura.license.model.LicenseChange.Loss;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.Messages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a new key with the license active now: what a renewal extends, and what the new key gives less. A pure
 * function of the two verified licenses; it reads no clock, because every item compares the two keys' own claims
 * and so comes out the same on any day.
 *
 * <p>What "gives less" means, item by item (DESIGN.md section 10):
 * <ul>
 * <li>maintenance: an earlier {@code maintenance_until}, also when both days lie in the past (maintenance days
 *     decide which versions are covered);</li>
 * <li>usage: an earlier {@code usage_until}; a perpetual license's usage never ends, so any usage end in its place
 *     (a subscription or trial replacing it) is less, and a perpetual license replacing a subscription never is;</li>
 * <li>a trial replacing a perpetual license or a subscription;</li>
 * <li>each module of the active license that the new key lacks;</li>
 * <li>limits: a limit the key does not name is unlimited (as the License page says, "no limits"), so a lower
 *     limit, or a limit where the active license names none, is less; dropping a limit is not;</li>
 * <li>another licensee ({@code sub}, compared exactly).</li>
 * </ul>
 * The e-mail, the Installation Code (the key must fit this server anyway) and unknown claims are not compared; a
 * superseding key for another Installation Code is said to move the license to this server.
 */
public final class LicenseComparison {

    private LicenseComparison() {
    }

    /** What applying {@code candidate} in place of {@code active} changes. */
    public static LicenseChange between(License active, License candidate) {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(candidate, "candidate");
        return new LicenseChange(active.id(), renewal(active, candidate), losses(active, candidate));
    }

    private static Optional<String> renewal(License active, License candidate) {
        if (!active.id().equals(candidate.supersedes())) {
            return Optional.empty();
        }
        List<String> gains = new ArrayList<>(periodGains(active, candidate));
        List<String> added = new ArrayList<>(candidate.modules());
        added.removeAll(active.modules());
        if (!added.isEmpty()) {
            gains.add(Messages.get("policy.change.modulesAdded", added.size(), String.join(", ", added)));
        }
        active.limits().forEach((name, was) -> {
            Long now = candidate.limits().get(name);
            if (now == null) {
                gains.add(Messages.get("policy.change.limitRemoved", name, String.valueOf(was)));
            } else if (now > was) {
                gains.add(Messages.get("policy.change.limitRaised", name, String.valueOf(now), String.valueOf(was)));
            }
        });
        // A key for another Installation Code that supersedes the active one moves the license (section 13).
        String kind = active.installationCode().equals(candidate.installationCode()) ? "renews" : "moves";
        return Optional.of(gains.isEmpty() ? Messages.get("policy.change." + kind, active.id())
                : Messages.get("policy.change." + kind + "With", active.id(), String.join(", ", gains)));
    }

    /** Later last days; a subscription whose usage and maintenance end together gets one phrase for both. */
    private static List<String> periodGains(License active, License candidate) {
        LocalDate wasUsage = active.usageUntil();
        LocalDate usage = candidate.usageUntil();
        LocalDate wasMaintenance = active.maintenanceUntil();
        LocalDate maintenance = candidate.maintenanceUntil();
        List<String> gains = new ArrayList<>();
        if (wasUsage != null && usage != null && wasUsage.equals(wasMaintenance) && usage.equals(maintenance)
                && usage.isAfter(wasUsage)) {
            gains.add(Messages.get("policy.change.usageAndMaintenanceUntil", usage.toString(), wasUsage.toString()));
            return gains;
        }
        if (wasUsage != null && usage == null) {
            gains.add(Messages.get("policy.change.usageNeverEnds", wasUsage.toString()));
        } else if (wasUsage != null && usage.isAfter(wasUsage)) {
            gains.add(Messages.get("policy.change.usageUntil", usage.toString(), wasUsage.toString()));
        }
        if (maintenance.isAfter(wasMaintenance)) {
            gains.add(Messages.get("policy.change.maintenanceUntil", maintenance.toString(), wasMaintenance.toString()));
        }
        return gains;
    }

    private static List<Loss> losses(License active, License candidate) {
        List<Loss> losses = new ArrayList<>();
        if (candidate.maintenanceUntil().isBefore(active.maintenanceUntil())) {
            losses.add(new Loss(Loss.Kind.MAINTENANCE_ENDS_EARLIER, Messages.get("policy.loss.maintenance",
                    candidate.maintenanceUntil().toString(), active.maintenanceUntil().toString(),
                    ChronoUnit.DAYS.between(candidate.maintenanceUntil(), active.maintenanceUntil()))));
        }
        usageLoss(active, candidate).ifPresent(losses::add);
        if (candidate.type() == LicenseType.TRIAL && active.type() != LicenseType.TRIAL) {
            losses.add(new Loss(Loss.Kind.TRIAL_REPLACES_PAID, Messages.get("policy.loss.trial",
                    Messages.get("policy.type." + active.type().claimValue()), active.id())));
        }
        for (String module : active.modules()) {
            if (!candidate.modules().contains(module)) {
                losses.add(new Loss(Loss.Kind.MODULE_DROPPED, Messages.get("policy.loss.module", module)));
            }
        }
        Set<String> names = new LinkedHashSet<>(active.limits().keySet());
        names.addAll(candidate.limits().keySet());
        for (String name : names) {
            Long was = active.limits().get(name);
            Long now = candidate.limits().get(name);
            if (now != null && was == null) {
                losses.add(new Loss(Loss.Kind.LIMIT_LOWER,
                        Messages.get("policy.loss.limitNew", name, String.valueOf(now))));
            } else if (now != null && now < was) {
                losses.add(new Loss(Loss.Kind.LIMIT_LOWER,
                        Messages.get("policy.loss.limit", name, String.valueOf(now), String.valueOf(was))));
            }
        }
        if (!candidate.licensee().equals(active.licensee())) {
            losses.add(new Loss(Loss.Kind.OTHER_LICENSEE,
                    Messages.get("policy.loss.licensee", candidate.licensee(), active.licensee())));
        }
        return losses;
    }

    private static Optional<Loss> usageLoss(License active, License candidate) {
        LocalDate was = active.usageUntil();
        LocalDate now = candidate.usageUntil();
        if (now == null) {
            return Optional.empty(); // usage never ends: never less
        }
        if (was == null) {
            return Optional.of(new Loss(Loss.Kind.USAGE_ENDS_EARLIER,
                    Messages.get("policy.loss.usageEnds", now.toString())));
        }
        if (now.isBefore(was)) {
            return Optional.of(new Loss(Loss.Kind.USAGE_ENDS_EARLIER, Messages.get("policy.loss.usage",
                    now.toString(), was.toString(), ChronoUnit.DAYS.between(now, was))));
        }
        return Optional.empty();
    }
}
