package com.netvizura.license.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The License Details an admin sends to the vendor: one "Label: value" line per field, readable in an e-mail
 * and parsed back by the vendor's issuer tool. Parsing ignores quoting ("> "), surrounding text and unknown lines,
 * so a forwarded or quoted e-mail still works. Every field but the installation code may be absent.
 *
 * <p>{@code usage} holds one line per usage name ("Usage devices: 87 of 100, 30-day peak 91", DESIGN.md section
 * 11), written after the license's lines, so the vendor sizes the renewal from the mail it gets.
 */
public record LicenseDetails(Map<Field, String> fields, List<String> usage) {

    /** Details without usage lines. */
    public LicenseDetails(Map<Field, String> fields) {
        this(fields, List.of());
    }

    /** The lines of the text, in order. Labels are part of the contract with the issuer tool. */
    public enum Field {
        PRODUCT("Product"),
        VERSION("Version"),
        BUILD_DATE("Build date"),
        INSTALLATION_CODE("Installation Code"),
        LICENSE_ID("Current license"),
        LICENSEE("Licensed to"),
        LICENSE_TYPE("License type"),
        MAINTENANCE_UNTIL("Maintenance until"),
        USAGE_UNTIL("Usage until"),
        /** Which components of this server differ from the key's Installation Code (a move, DESIGN.md section 13). */
        HARDWARE_CHANGED("Hardware changed since the key was issued"),
        HOSTNAME("Hostname"),
        OPERATING_SYSTEM("Operating system"),
        JAVA("Java"),
        SERVER("Server"),
        GENERATED("Generated"),
        CONTACT_EMAIL("Contact e-mail");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final String TITLE = "NetVizura License Details";
    /** The value of {@link Field#LICENSE_ID} when no license has been applied. */
    public static final String NONE = "none";
    /** How a usage line starts ("Usage devices: ..."); "Usage until" is a field, not a usage line. */
    public static final String USAGE_PREFIX = "Usage ";

    public LicenseDetails {
        Objects.requireNonNull(fields, "fields");
        Map<Field, String> copy = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            String v = fields.get(f);
            if (v == null) {
                continue;
            }
            // Values are single lines: a line break would forge another field (or a mail header);
            // other control characters (tab, NUL, escape) have no business in an e-mail either.
            String line = v.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
            if (!line.isEmpty()) {
                copy.put(f, line);
            }
        }
        if (!copy.containsKey(Field.INSTALLATION_CODE)) {
            throw new IllegalArgumentException("License Details need an Installation Code");
        }
        fields = Collections.unmodifiableMap(copy);
        List<String> lines = new ArrayList<>();
        for (String u : Objects.requireNonNull(usage, "usage")) {
            String line = u.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
            if (line.startsWith(USAGE_PREFIX) && line.indexOf(':') > 0) {
                lines.add(line);
            }
        }
        usage = List.copyOf(lines);
    }

    public String installationCode() {
        return fields.get(Field.INSTALLATION_CODE);
    }

    public Optional<String> get(Field field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The text as it is shown, copied, downloaded and mailed; lines end with CRLF as e-mail wants. */
    public String toText() {
        StringBuilder sb = new StringBuilder(TITLE).append("\r\n");
        sb.append("=".repeat(TITLE.length())).append("\r\n");
        boolean usageWritten = false;
        for (Map.Entry<Field, String> e : fields.entrySet()) {
            if (!usageWritten && e.getKey().ordinal() > Field.USAGE_UNTIL.ordinal()) {
                usage.forEach(line -> sb.append(line).append("\r\n"));
                usageWritten = true;
            }
            sb.append(e.getKey().label()).append(": ").append(e.getValue()).append("\r\n");
        }
        if (!usageWritten) {
            usage.forEach(line -> sb.append(line).append("\r\n"));
        }
        return sb.toString();
    }

    /**
     * Reads License Details from text a customer sent (possibly quoted in a reply).
     *
     * @throws IllegalArgumentException when no "Installation Code:" line is found
     */
    public static LicenseDetails parse(String text) {
        Map<Field, String> found = new LinkedHashMap<>();
        List<String> usage = new ArrayList<>();
        for (String raw : text.split("\\r\\n|\\r|\\n")) {
            String line = raw.replaceFirst("^[\\s>]*", "");
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String label = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (line.startsWith(USAGE_PREFIX) && !label.equals(Field.USAGE_UNTIL.label().toLowerCase(Locale.ROOT))) {
                usage.add(line.strip());
                continue;
            }
            for (Field f : Field.values()) {
                if (f.label().toLowerCase(Locale.ROOT).equals(label) && !found.containsKey(f)) {
                    found.put(f, value);
                }
            }
        }
        if (found.get(Field.INSTALLATION_CODE) == null || found.get(Field.INSTALLATION_CODE).isBlank()) {
            throw new IllegalArgumentException("No \"Installation Code:\" line found in the License Details");
        }
        return new LicenseDetails(found, usage);
    }
}
