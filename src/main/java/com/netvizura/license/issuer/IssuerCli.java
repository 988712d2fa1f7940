package com.netvizura.license.issuer;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * The vendor's command-line tool: {@code keygen}, {@code issue} and {@code inspect}
 * ({@code java -jar netvizura-license-issuer.jar COMMAND --help}).
 * Exit codes: 0 done, 1 refused or failed, 2 usage error.
 */
public final class IssuerCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_REFUSED = 1;
    public static final int EXIT_USAGE = 2;

    static final String HELP = """
            NetVizura license issuer

            Usage: java -jar netvizura-license-issuer.jar COMMAND [OPTIONS]

            Commands:
              keygen    make a vendor key pair (private.pem, public.pem)
              issue     sign a license key for a customer's Installation Code
              inspect   verify a license key with a public key and show its claims

            COMMAND --help shows a command's options.
            Exit codes: 0 done, 1 refused or failed, 2 usage error.
            """;

    private IssuerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemDefaultZone()));
    }

    /**
     * Runs one command; the entry point for tests.
     *
     * @param clock gives the issue time and the day that default periods count from
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        if (args.length == 0) {
            err.print(HELP);
            return EXIT_USAGE;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "--help", "-h", "help" -> out.print(HELP);
                case "keygen" -> {
                    if (CommandLine.wantsHelp(rest)) {
                        out.print(KeygenCommand.HELP);
                    } else {
                        KeygenCommand.run(rest, out);
                    }
                }
                case "issue" -> {
                    if (CommandLine.wantsHelp(rest)) {
                        out.print(IssueCommand.HELP);
                    } else {
                        IssueCommand.run(rest, out, clock);
                    }
                }
                case "inspect" -> {
                    if (CommandLine.wantsHelp(rest)) {
                        out.print(InspectCommand.HELP);
                    } else {
                        InspectCommand.run(rest, out);
                    }
                }
                default -> throw IssuerException.usage("unknown command [" + command + "]; use keygen, issue or inspect");
            }
            return EXIT_OK;
        } catch (IssuerException e) {
            err.println("error: " + e.getMessage());
            if (e.exitCode() == EXIT_USAGE) {
                boolean known = command.equals("keygen") || command.equals("issue") || command.equals("inspect");
                err.println("Try: " + (known ? command + " --help" : "--help"));
            }
            return e.exitCode();
        }
    }
}
