package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseClaims;
import com.netvizura.license.model.LicenseType;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * picocli converters for the values of {@code issue}'s options. The claim rules are the key format's own
 * ({@link LicenseClaims}), so that a value the tool takes is one the product accepts; module and limit names are
 * narrower here (letters, digits, '-', '_', '.'), as they are typed on a command line. A value that breaks a rule is
 * a usage error (exit code 2) naming the option.
 */
final class OptionValues {

    private static final String NAME = "[A-Za-z0-9_.-]{1," + LicenseClaims.MAX_NAME + "}";
    private static final Pattern MODULE = Pattern.compile(NAME);
    private static final Pattern LIMIT = Pattern.compile("(" + NAME + ")=(" + LicenseClaims.NATURAL.pattern() + ")");

    private OptionValues() {
    }

    /** The modules of {@code --modules a,b}: each name once, in the order given; empty for an empty list. */
    record Modules(List<String> names) {
        Modules {
            names = List.copyOf(names);
        }
    }

    /** One {@code --limit name=N}. */
    record Limit(String name, long value) {
    }

    /** {@code YYYY-MM-DD}, a day that exists. */
    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            return LicenseClaims.parseDate(value)
                    .orElseThrow(() -> new TypeConversionException("[" + value + "] is not a date YYYY-MM-DD"));
        }
    }

    static final class Type implements ITypeConverter<LicenseType> {
        @Override
        public LicenseType convert(String value) {
            return LicenseType.fromClaimValue(value).orElseThrow(() -> new TypeConversionException(
                    "[" + value + "] is not a license type: perpetual, subscription or trial"));
        }
    }

    static final class Licensee implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.strip();
            if (!LicenseClaims.isShowableText(name, LicenseClaims.MAX_TEXT)) {
                throw new TypeConversionException("[" + value + "]: the organization's name, one line of at most "
                        + LicenseClaims.MAX_TEXT + " characters");
            }
            return name;
        }
    }

    static final class Email implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String email = value.strip();
            if (!LicenseClaims.isWellFormedEmail(email)) {
                throw new TypeConversionException("[" + value + "] is not an e-mail address");
            }
            return email;
        }
    }

    static final class LicenseId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!LicenseClaims.isWellFormedLicenseId(value)) {
                throw new TypeConversionException("[" + value + "] is not a license id (letters, digits, '-', '_', '.';"
                        + " at most 64; e.g. NVZ-2026-000123)");
            }
            return value;
        }
    }

    static final class ModuleList implements ITypeConverter<Modules> {
        @Override
        public Modules convert(String value) {
            List<String> modules = new ArrayList<>();
            for (String m : value.split(",")) {
                String name = m.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!MODULE.matcher(name).matches() || modules.contains(name)) {
                    throw new TypeConversionException("[" + value + "]: module names are letters, digits, '-', '_',"
                            + " '.', each once, separated by commas");
                }
                modules.add(name);
            }
            return new Modules(modules);
        }
    }

    static final class LimitValue implements ITypeConverter<Limit> {
        @Override
        public Limit convert(String value) {
            Matcher m = LIMIT.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("[" + value + "] must be name=N with a whole number N"
                        + " (e.g. --limit devices=100)");
            }
            return new Limit(m.group(1), Long.parseLong(m.group(2)));
        }
    }
}
