package poolbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import poolbench.loadgen.LoadCommand;

/** {@code poolbench}: the one entry point; each subcommand is a class of its own. */
@Command(name = "poolbench", mixinStandardHelpOptions = true, version = "poolbench 0.1",
        description = "Worker pool, thread per connection or virtual thread per connection: measured behind one "
                + "HTTP/1.1 server.",
        subcommands = {ArmsCommand.class, ServeCommand.class, LoadCommand.class, CompareCommand.class,
                AgentCommand.class, JmhCommand.class, ReportCommand.class, CheckFindingsCommand.class,
                JvmFlagsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for bad input: a wrong option, arm or value. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: bad options and bad values print one line that names the fix, never a stack
     * trace or a page of usage.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(Main.class);
        cli.setResourceBundle(new HelpValues());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("poolbench: " + e.getMessage() + " (see: poolbench "
                    + e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^poolbench ?", "")
                    + " --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof IllegalArgumentException || e instanceof UsageException) {
                err.println("poolbench: " + e.getMessage());
                return USAGE;
            }
            err.println("poolbench: " + e);
            return 1;
        });
        return cli;
    }

    /** Thrown by a command for input it cannot use; the message says what to do instead. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
