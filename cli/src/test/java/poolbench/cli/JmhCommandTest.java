package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import picocli.CommandLine;
import poolbench.compare.plan.JvmSetting;

/** How {@code poolbench jmh} reads its command line, without running JMH. */
class JmhCommandTest {

    private static JmhCommand parse(String... args) {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (JmhCommand) parsed.subcommand().commandSpec().userObject();
    }

    /** Exit code, stdout and stderr of {@code poolbench args}. */
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome execute(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void aSuiteRunTakesItsPlaceOptionsAndRegexes() {
        JmhCommand c = parse("jmh", "--suite", "quick", "--publish", "Parse", "Loopback");
        assertEquals("quick", c.suite);
        assertTrue(c.publish);
        assertNull(c.out);
        assertFalse(c.plan);
        assertEquals(List.of("Parse", "Loopback"), c.jmhArguments);

        JmhCommand planned = parse("jmh", "--suite=full", "--plan", "--out", "somewhere");
        assertTrue(planned.plan);
        assertEquals(Path.of("somewhere"), planned.out);
        assertFalse(planned.publish);
    }

    @Test
    void withoutSuiteEveryArgumentGoesToJmhInOrder() {
        assertEquals(List.of("-f", "1", "-prof", "gc", "Parse"), parse("jmh", "-f", "1", "-prof", "gc", "Parse")
                .jmhArguments);
    }

    @Test
    void outWithPublishIsOneLineNamingBothFixes() {
        Outcome o = execute("jmh", "--suite", "quick", "--out", "x", "--publish");
        assertEquals(Main.USAGE, o.exit());
        assertEquals("poolbench: --out and --publish both say where the run goes: give --publish to file it under "
                + "results/, or --out DIR to put it in DIR\n", o.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void outOrPublishWithoutASuiteIsRefused() {
        Outcome o = execute("jmh", "--publish", "-f", "1");
        assertEquals(Main.USAGE, o.exit());
        assertTrue(o.err().startsWith("poolbench: --out and --publish say where a suite run goes; give --suite"),
                o.err());
    }

    @Test
    void jmhOptionsAfterASuiteAreRefused() {
        Outcome o = execute("jmh", "--suite", "quick", "-f", "1");
        assertEquals(Main.USAGE, o.exit());
        assertTrue(o.err().contains("with --suite only benchmark regexes may follow, not '-f'"), o.err());
    }

    @Test
    void anUnknownSuiteNamesTheValidOnes() {
        Outcome o = execute("jmh", "--suite", "medium");
        assertEquals(Main.USAGE, o.exit());
        assertEquals("poolbench: unknown suite 'medium'; valid suites: quick, full", o.err().strip());
    }

    @Test
    void aSuiteRunIsThePresetThenTheGcProfilerTheResultFileAndTheRegexes() {
        List<String> args = JmhCommand.suiteArguments(JmhSuite.QUICK, Path.of("/r/quick.json"), List.of("Parse"));
        assertEquals(List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "30", "-r", "200ms", "-p", "stateKiB=512",
                "-jvmArgsAppend", "-Xms512m -Xmx512m -XX:+UseG1GC", "-prof", "gc", "-rf", "json", "-rff",
                "/r/quick.json", "Parse"), args);
    }

    @Test
    void everyForkGetsTheCompareSuitesServerJvmSetting() {
        List<String> options = JmhSuite.FULL.options();
        assertEquals(String.join(" ", JvmSetting.DEFAULT.flags()),
                options.get(options.indexOf("-jvmArgsAppend") + 1));
    }

    @Test
    void theHelpDescribesEachPresetAsItRunsAndItsPlannedTime() {
        // picocli wraps the description: compare with the whitespace folded.
        String help = execute("jmh", "--help").out().replaceAll("\\s+", " ");
        for (JmhSuite suite : JmhSuite.values()) {
            JmhPlan plan = JmhPlan.of(JmhCommand.suiteArguments(suite, Path.of("x.json"), List.of()),
                    BenchmarkList.defaultList());
            String line = suite.label() + " " + suite.describe() + ": about " + plan.aboutMinutes() + " min";
            assertTrue(help.contains(line), "no '" + line + "' in:\n" + help);
        }
        assertTrue(help.contains("Every fork runs with " + JmhSuite.forkJvmFlags() + ","), help);
    }
}
