package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The claims of a license key (DESIGN.md section 3) to and from a {@link License}. Reading validates every known
 * claim's presence, type and value strictly and keeps unknown claims as JSON text in
 * {@link License#otherClaims()}, so a newer issuer's additions are shown, never fatal.
 */
public final class LicenseClaims {

    public static final String ISS = "iss";
    public static final String JTI = "jti";
    public static final String IAT = "iat";
    public static final String SUB = "sub";
    public static final String EMAIL = "email";
    public static final String PRODUCT = "product";
    public static final String LICENSE_TYPE = "license_type";
    public static final String MAINTENANCE_UNTIL = "maintenance_until";
    public static final String USAGE_UNTIL = "usage_until";
    public static final String INSTALLATION_CODE = "installation_code";
    public static final String MODULES = "modules";
    public static final String LIMITS = "limits";
    public static final String SUPERSEDES = "supersedes";
    public static final String HARDWARE_GRACE_DAYS = "hardware_grace_days";

    /** Claims this version understands, in the order keys carry them. */
    public static final List<String> KNOWN = List.of(ISS, JTI, IAT, SUB, EMAIL, PRODUCT, LICENSE_TYPE,
            MAINTENANCE_UNTIL, USAGE_UNTIL, INSTALLATION_CODE, MODULES, LIMITS, SUPERSEDES, HARDWARE_GRACE_DAYS);

    /**
     * The shape of a license id ({@code jti}, {@code supersedes}), e.g. {@code NVZ-2026-000123}. It is narrow because
     * the id names files in the history directory.
     */
    public static final Pattern LICENSE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Plain non-negative integers that fit a long (limits, {@code iat}): no sign, fraction, exponent or leading zero. */
    public static final Pattern NATURAL = Pattern.compile("0|[1-9][0-9]{0,17}");
    /** Longest licensee ({@code sub}) and installation code a key may carry. */
    public static final int MAX_TEXT = 200;
    /** Longest module or limit name. */
    public static final int MAX_NAME = 64;

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** 9999-12-31T23:59:59Z: later instants cannot be shown as a date. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final int MAX_EMAIL = 254;

    private LicenseClaims() {
    }

    /** Whether {@code id} has the shape of a license id ({@link #LICENSE_ID}). */
    public static boolean isWellFormedLicenseId(String id) {
        return id != null && LICENSE_ID.matcher(id).matches();
    }

    /**
     * Whether {@code value} may be shown to admins as one claim: not blank, at most {@code maxLength} characters, no
     * control characters that could fake a line, and none that changes how the text around it reads ({@link
     * #changesHowTextReads}). The licensee's limit is {@link #MAX_TEXT}.
     */
    public static boolean isShowableText(String value, int maxLength) {
        return value != null && !value.isBlank() && value.length() <= maxLength
                && value.chars().noneMatch(c -> Character.isISOControl(c) || changesHowTextReads(c));
    }

    /**
     * Whether {@code c} reorders or breaks the text shown around it: the bidirectional embeddings and overrides
     * (U+202A-202E) and isolates (U+2066-2069), which can make a licensee or limit name on a page, in the details
     * or in a mail read otherwise than it is, and the line and paragraph separators (U+2028/2029).
     */
    public static boolean changesHowTextReads(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }

    /** Whether {@code value} is accepted as the {@code email} claim (one {@code @}, no white space, at most 254). */
    public static boolean isWellFormedEmail(String value) {
        return isShowableText(value, MAX_EMAIL) && EMAIL_SHAPE.matcher(value).matches();
    }

    /** A date claim's value {@code YYYY-MM-DD} as a date that exists (2027-02-30 does not), or empty. */
    public static Optional<LocalDate> parseDate(String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, STRICT_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The payload JSON of a license: known claims in {@link #KNOWN} order, then {@link License#otherClaims()}. */
    static byte[] toJson(License license) {
        JsonObjectBuilder b = StrictJson.provider().createObjectBuilder()
                .add(ISS, License.ISSUER)
                .add(JTI, license.id())
                .add(IAT, license.issuedAt().getEpochSecond())
                .add(SUB, license.licensee());
        license.emailIfAny().ifPresent(e -> b.add(EMAIL, e));
        b.add(PRODUCT, License.PRODUCT)
                .add(LICENSE_TYPE, license.type().claimValue())
                .add(MAINTENANCE_UNTIL, license.maintenanceUntil().toString());
        license.usageUntilIfAny().ifPresent(d -> b.add(USAGE_UNTIL, d.toString()));
        b.add(INSTALLATION_CODE, license.installationCode());
        JsonArrayBuilder modules = StrictJson.provider().createArrayBuilder();
        license.modules().forEach(modules::add);
        b.add(MODULES, modules);
        if (!license.limits().isEmpty()) {
            JsonObjectBuilder limits = StrictJson.provider().createObjectBuilder();
            license.limits().forEach(limits::add);
            b.add(LIMITS, limits);
        }
        license.supersedesIfAny().ifPresent(s -> b.add(SUPERSEDES, s));
        if (license.hardwareGraceDays() > 0) {
            b.add(HARDWARE_GRACE_DAYS, license.hardwareGraceDays());
        }
        for (Map.Entry<String, String> other : license.otherClaims().entrySet()) {
            if (KNOWN.contains(other.getKey())) {
                throw new IllegalArgumentException("otherClaims must not repeat the known claim [" + other.getKey() + "]");
            }
            try (JsonReader reader = StrictJson.provider().createReader(new StringReader(other.getValue()))) {
                b.add(other.getKey(), reader.readValue());
            } catch (JsonException e) {
                throw new IllegalArgumentException("otherClaims[" + other.getKey() + "] is not JSON text", e);
            }
        }
        return b.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The license in a signed payload.
     *
     * @throws LicenseKeyException MALFORMED_PAYLOAD, WRONG_ISSUER, WRONG_PRODUCT, MISSING_CLAIM or INVALID_CLAIM
     */
    static License fromJson(byte[] payload) throws LicenseKeyException {
        JsonObject c = StrictJson.parseObject(payload, Reason.MALFORMED_PAYLOAD);
        String iss = requiredString(c, ISS);
        if (!License.ISSUER.equals(iss)) {
            throw new LicenseKeyException(Reason.WRONG_ISSUER, iss);
        }
        String product = requiredString(c, PRODUCT);
        if (!License.PRODUCT.equals(product)) {
            throw new LicenseKeyException(Reason.WRONG_PRODUCT, product);
        }
        String id = licenseId(JTI, requiredString(c, JTI));
        Instant issuedAt = Instant.ofEpochSecond(natural(IAT, c.get(IAT), MAX_EPOCH_SECOND));
        String licensee = text(SUB, requiredString(c, SUB), MAX_TEXT);
        String email = c.containsKey(EMAIL) ? email(requiredString(c, EMAIL)) : null;
        LicenseType type = LicenseType.fromClaimValue(requiredString(c, LICENSE_TYPE))
                .orElseThrow(() -> new LicenseKeyException(Reason.INVALID_CLAIM, LICENSE_TYPE));
        LocalDate maintenanceUntil = date(MAINTENANCE_UNTIL, requiredString(c, MAINTENANCE_UNTIL));
        LocalDate usageUntil = null;
        if (type.hasUsageEnd()) {
            usageUntil = date(USAGE_UNTIL, requiredString(c, USAGE_UNTIL));
        } else if (c.containsKey(USAGE_UNTIL)) {
            // A perpetual key with an end of usage is contradictory; guessing which part was meant is unsafe.
            throw new LicenseKeyException(Reason.INVALID_CLAIM, USAGE_UNTIL);
        }
        String installationCode = text(INSTALLATION_CODE, requiredString(c, INSTALLATION_CODE), MAX_TEXT);
        List<String> modules = modules(required(c, MODULES));
        Map<String, Long> limits = c.containsKey(LIMITS) ? limits(c.get(LIMITS)) : Map.of();
        String supersedes = c.containsKey(SUPERSEDES) ? licenseId(SUPERSEDES, requiredString(c, SUPERSEDES)) : null;
        int hardwareGraceDays = c.containsKey(HARDWARE_GRACE_DAYS)
                ? (int) natural(HARDWARE_GRACE_DAYS, c.get(HARDWARE_GRACE_DAYS), License.MAX_HARDWARE_GRACE_DAYS) : 0;
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : c.entrySet()) {
            if (!KNOWN.contains(e.getKey())) {
                others.put(e.getKey(), e.getValue().toString());
            }
        }
        return new License(id, issuedAt, licensee, email, type, maintenanceUntil, usageUntil, installationCode,
                modules, limits, supersedes, others, hardwareGraceDays);
    }

    private static JsonValue required(JsonObject c, String claim) throws LicenseKeyException {
        JsonValue v = c.get(claim);
        if (v == null) {
            throw new LicenseKeyException(Reason.MISSING_CLAIM, claim);
        }
        return v;
    }

    private static String requiredString(JsonObject c, String claim) throws LicenseKeyException {
        if (required(c, claim) instanceof JsonString s) {
            return s.getString();
        }
        throw new LicenseKeyException(Reason.INVALID_CLAIM, claim);
    }

    private static String licenseId(String claim, String value) throws LicenseKeyException {
        if (!isWellFormedLicenseId(value)) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, claim);
        }
        return value;
    }

    private static String text(String claim, String value, int maxLength) throws LicenseKeyException {
        if (value != null && value.chars().anyMatch(LicenseClaims::changesHowTextReads)) {
            // An invalid claim, with a sentence that says what is wrong with it.
            throw new LicenseKeyException(Reason.INVALID_CLAIM, claim, "key.textControls");
        }
        if (!isShowableText(value, maxLength)) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, claim);
        }
        return value;
    }

    private static String email(String value) throws LicenseKeyException {
        if (!isWellFormedEmail(value)) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, EMAIL);
        }
        return value;
    }

    private static LocalDate date(String claim, String value) throws LicenseKeyException {
        return parseDate(value).orElseThrow(() -> new LicenseKeyException(Reason.INVALID_CLAIM, claim));
    }

    /** A JSON number written as a plain non-negative integer; its text is checked before any conversion. */
    private static long natural(String claim, JsonValue value, long max) throws LicenseKeyException {
        if (value == null) {
            throw new LicenseKeyException(Reason.MISSING_CLAIM, claim);
        }
        if (!(value instanceof JsonNumber n) || !NATURAL.matcher(n.toString()).matches()) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, claim);
        }
        long v = Long.parseLong(n.toString());
        if (v > max) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, claim);
        }
        return v;
    }

    private static List<String> modules(JsonValue value) throws LicenseKeyException {
        if (!(value instanceof JsonArray array)) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, MODULES);
        }
        Set<String> modules = new LinkedHashSet<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s) || !modules.add(text(MODULES, s.getString(), MAX_NAME))) {
                throw new LicenseKeyException(Reason.INVALID_CLAIM, MODULES);
            }
        }
        return new ArrayList<>(modules);
    }

    private static Map<String, Long> limits(JsonValue value) throws LicenseKeyException {
        if (!(value instanceof JsonObject object)) {
            throw new LicenseKeyException(Reason.INVALID_CLAIM, LIMITS);
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            text(LIMITS, e.getKey(), MAX_NAME);
            limits.put(e.getKey(), natural(LIMITS, e.getValue(), Long.MAX_VALUE));
        }
        return limits;
    }
}
