package com.netvizura.license.issuer;

import com.netvizura.license.model.BuildInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The vendor's command-line tool: {@code keygen}, {@code issue} and {@code inspect}
 * ({@code java -jar netvizura-license-issuer.jar COMMAND --help}). Parsing, help and usage errors are picocli's;
 * a command that is understood but refused ends with an {@link IssuerException}.
 * Exit codes: 0 done, 1 refused or failed, 2 usage error.
 */
@Command(name = IssuerCli.NAME, mixinStandardHelpOptions = true, versionProvider = IssuerCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Makes the vendor's key pair, signs NetVizura license keys and checks them.",
        footer = {"", "COMMAND --help shows a command's options.",
            "Exit codes: 0 done, 1 refused or failed, 2 usage error."})
public final class IssuerCli implements Callable<Integer> {

    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    public static final int EXIT_REFUSED = CommandLine.ExitCode.SOFTWARE;
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    /** How the vendor runs the tool; picocli shows it in every synopsis. */
    static final String NAME = "java -jar netvizura-license-issuer.jar";

    @Spec
    private CommandSpec spec;

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
        PrintWriter outWriter = writer(out);
        PrintWriter errWriter = writer(err);
        CommandLine cli = new CommandLine(new IssuerCli())
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new KeygenCommand())
                .addSubcommand(new IssueCommand(clock))
                .addSubcommand(new InspectCommand());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler(IssuerCli::usageError);
        cli.setExecutionExceptionHandler((e, where, parsed) -> {
            if (!(e instanceof IssuerException refusal)) {
                throw e;
            }
            where.getErr().println("error: " + refusal.getMessage());
            if (refusal.exitCode() == EXIT_USAGE) {
                where.getErr().println(tryHelp(where));
            }
            return refusal.exitCode();
        });
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Without a command: the tool's usage on standard error, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    /** One line saying what is wrong, picocli's suggestions for a mistyped name, and where the help is. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        PrintWriter err = where.getErr();
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched() : List.of();
        if (where.getParent() == null && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
            err.println("error: unknown command [" + unmatched.get(0) + "]; use keygen, issue or inspect");
        } else {
            err.println("error: " + e.getMessage());
        }
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println(tryHelp(where));
        return EXIT_USAGE;
    }

    private static String tryHelp(CommandLine where) {
        return where.getParent() == null ? "Try: --help" : "Try: " + where.getCommandName() + " --help";
    }

    /** A writer that leaves the encoding to the stream (the console's, or the test's). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.append(CharBuffer.wrap(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    /** {@code --version}: the product version this tool was built with. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"netvizura-license-issuer " + build.version() + " (released " + build.releaseDate() + ")"};
        }
    }
}
