package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseClaims;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How the period of a key made with {@code issue --renew} was chosen (DESIGN.md section 10), carried in the key as
 * the extra claim {@value #CLAIM}, for example {@code "renewal":{"rule":"early","previous_end":"2027-03-14",
 * "start":"2027-03-15"}}. The product keeps and shows unknown claims (DESIGN.md section 3), so the key stays a plain
 * v1 key; {@code inspect} turns the claim back into a sentence.
 *
 * @param rule        which rule chose the first day
 * @param previousEnd the last day of the renewed key's period (usage, or maintenance for a perpetual license)
 * @param start       the first day of the new period; {@code null} when the dates were given explicitly
 */
record RenewalNote(Rule rule, LocalDate previousEnd, LocalDate start) {

    static final String CLAIM = "renewal";

    /** The rules, with the words the claim carries. */
    enum Rule {
        /** Renewed on or before the old period's last day: the new period starts the day after, no day lost. */
        EARLY("early"),
        /** Renewed after the old period ended: the new period starts on the issue day. */
        LATE("late"),
        /** A trial bought as a paid license: the paid period starts on the issue day. */
        AFTER_TRIAL("after-trial"),
        /** The vendor gave the period's last day explicitly. */
        EXPLICIT("explicit");

        private final String word;

        Rule(String word) {
            this.word = word;
        }

        static Optional<Rule> of(String word) {
            return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
        }
    }

    RenewalNote {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(previousEnd, "previousEnd");
        if ((start == null) != (rule == Rule.EXPLICIT)) {
            throw new IllegalArgumentException("a start day goes with every rule but EXPLICIT");
        }
    }

    /**
     * The first day of the period that renews {@code old} as a key of type {@code type}, issued on {@code issueDay}.
     * The old period ends with its usage, or for a perpetual license with its maintenance.
     */
    static RenewalNote choose(License old, LicenseType type, LocalDate issueDay) {
        LocalDate end = old.usageUntilIfAny().orElse(old.maintenanceUntil());
        if (old.type() == LicenseType.TRIAL && type != LicenseType.TRIAL) {
            return new RenewalNote(Rule.AFTER_TRIAL, end, issueDay);
        }
        return issueDay.isAfter(end) ? new RenewalNote(Rule.LATE, end, issueDay) : new RenewalNote(Rule.EARLY, end, end.plusDays(1));
    }

    /** This note for a period whose last day the vendor gave. */
    RenewalNote explicit() {
        return new RenewalNote(Rule.EXPLICIT, previousEnd, null);
    }

    /** The claim's value, JSON text. */
    String json() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("rule", rule.word).add("previous_end", previousEnd.toString());
        if (start != null) {
            b.add("start", start.toString());
        }
        return b.build().toString();
    }

    /** The note a verified key carries, if it carries one this version can read. */
    static Optional<RenewalNote> of(License license) {
        String json = license.otherClaims().get(CLAIM);
        if (json == null) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Optional<Rule> rule = Rule.of(o.getString("rule", ""));
            Optional<LocalDate> previousEnd = LicenseClaims.parseDate(o.getString("previous_end", ""));
            Optional<LocalDate> start = LicenseClaims.parseDate(o.getString("start", ""));
            if (rule.isEmpty() || previousEnd.isEmpty() || start.isPresent() == (rule.get() == Rule.EXPLICIT)) {
                return Optional.empty();
            }
            return Optional.of(new RenewalNote(rule.get(), previousEnd.get(), start.orElse(null)));
        } catch (JsonException e) {
            return Optional.empty(); // not JSON, or not an object: shown as another claim
        }
    }

    /** How the period was chosen, in words for the vendor. */
    String sentence() {
        return switch (rule) {
            case EARLY -> "renewed early: the new period starts " + start + ", the day after the old one ends ("
                    + previousEnd + "), so no day is lost";
            case LATE -> "renewed late: the old period ended " + previousEnd + ", so the new one starts on the issue day "
                    + start;
            case AFTER_TRIAL -> "a trial (last day " + previousEnd + ") bought as a paid license: the paid period starts"
                    + " on the issue day " + start;
            case EXPLICIT -> "last day given explicitly (the old period ends " + previousEnd + ")";
        };
    }
}
