package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import poolbench.compare.plan.Workload;

/**
 * Every command picocli knows, and the top level, answers {@code -h} and {@code --help} with its own usage and
 * exit code 0, before any validation (serve and report have required options; jmh and compare take
 * arguments of their own). The commands come from picocli, so a new subcommand is covered without editing this.
 */
class HelpTest {

    static Stream<Arguments> commandsAndFlags() {
        List<Arguments> cases = new ArrayList<>();
        List<String> commands = new ArrayList<>(List.of(""));
        commands.addAll(Main.commandLine().getSubcommands().keySet());
        for (String command : commands) {
            for (String flag : List.of("-h", "--help")) {
                cases.add(Arguments.of(command, flag));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "poolbench {0} {1}")
    @MethodSource("commandsAndFlags")
    void everyCommandAnswersHelpWithItsUsageAndExitsZero(String command, String flag) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = command.isEmpty() ? new String[] {flag} : new String[] {command, flag};

        int exit = cli.execute(args);

        assertEquals(0, exit, "exit code; stderr: " + err);
        assertEquals("", err.toString(), "stderr");
        String usage = "Usage: poolbench" + (command.isEmpty() ? "" : " " + command);
        assertTrue(out.toString().contains(usage), "no '" + usage + "' in:\n" + out);
        assertTrue(out.toString().contains("-h, --help"), "the usage does not list -h, --help:\n" + out);
    }

    @Test
    void compareHelpNamesEveryWorkload() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.execute("compare", "--help");
        // picocli wraps the description, so a name may be split at a line end: compare with the lines joined.
        String joined = out.toString().replaceAll("\\s+", " ");
        for (String w : Workload.NAMES) {
            assertTrue(joined.contains(" " + w + ",") || joined.contains(" " + w + "."), w + " missing from:\n" + out);
        }
    }
}
