package com.netvizura.license.issuer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options and operands of one issuer command: {@code --name value} or {@code --name=value}; options declared
 * repeatable may occur more than once, the others at most once.
 */
final class CommandLine {

    /** How an option takes values. */
    enum Kind { SINGLE, REPEATABLE }

    private final Map<String, List<String>> options;
    private final List<String> operands;

    private CommandLine(Map<String, List<String>> options, List<String> operands) {
        this.options = options;
        this.operands = operands;
    }

    /**
     * @param declared option names (without {@code --}) and how they take values
     * @throws IssuerException a usage error for an unknown, repeated or value-less option
     */
    static CommandLine parse(String[] args, Map<String, Kind> declared) throws IssuerException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                operands.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            Kind kind = declared.get(name);
            if (kind == null) {
                throw IssuerException.usage("unknown option --" + name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw IssuerException.usage("--" + name + " needs a value");
            }
            List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
            if (kind == Kind.SINGLE && !values.isEmpty()) {
                throw IssuerException.usage("--" + name + " may be given only once");
            }
            values.add(value);
        }
        return new CommandLine(options, operands);
    }

    /** Whether {@code --help} or {@code -h} was asked for anywhere on the line. */
    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    Optional<String> value(String name) {
        List<String> v = options.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(0));
    }

    String required(String name) throws IssuerException {
        return value(name).orElseThrow(() -> IssuerException.usage("--" + name + " is required"));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    List<String> operands() {
        return operands;
    }

    void requireOperands(int count, String what) throws IssuerException {
        if (operands.size() != count) {
            throw IssuerException.usage(count == 0
                    ? "unexpected argument " + operands.get(0)
                    : "expected " + what + (operands.isEmpty() ? "" : ", got " + operands));
        }
    }
}
