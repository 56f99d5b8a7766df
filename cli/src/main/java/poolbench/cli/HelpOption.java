package poolbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h} and {@code --help} for a subcommand, as a picocli mixin: usage help is answered before any other
 * option is validated, so a command with required options still prints its usage and exits 0. (picocli's
 * {@code mixinStandardHelpOptions} would also add a {@code --version} that subcommands have nothing to say to.)
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
