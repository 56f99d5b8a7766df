package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import poolbench.server.accept.ServerConfig;

/** {@code serve}'s {@code --cpu-executor}: its default comes from ServerConfig, and bad values are one line. */
@Timeout(30)
class ServeCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run serve(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    private static void assertOneLineUsageError(Run run, String mentions) {
        assertEquals(Main.USAGE, run.exit(), "exit code; stderr: " + run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line, not:\n" + err);
        assertFalse(err.contains("Exception"), "no stack trace or exception name:\n" + err);
        assertTrue(err.startsWith("poolbench: "), err);
        assertTrue(err.contains(mentions), "names " + mentions + ": " + err);
    }

    @Test
    void helpShowsTheCpuExecutorWithServerConfigsDefault() {
        Run run = serve("--help");
        assertEquals(0, run.exit());
        String joined = run.out().replaceAll("\\s+", " ");
        int at = joined.lastIndexOf("--cpu-executor=N"); // the option list, after the synopsis
        assertTrue(at >= 0, run.out());
        int next = joined.indexOf(" --", at + 1);
        String option = joined.substring(at, next < 0 ? joined.length() : next);
        assertTrue(option.contains("(default: " + ServerConfig.DEFAULTS.cpuExecutorThreads() + ")"), option);
    }

    @Test
    void aNegativeCpuExecutorIsOneLineNamingTheOption() {
        assertOneLineUsageError(serve("--arm", "virtual", "--port", "0", "--cpu-executor", "-1"), "--cpu-executor");
    }

    @Test
    void aCpuExecutorThatIsNotANumberIsOneLineNamingTheOption() {
        assertOneLineUsageError(serve("--arm", "virtual", "--port", "0", "--cpu-executor", "two"), "--cpu-executor");
    }

    @Test
    void aReferenceServerRefusesTheCpuExecutorInOneLine() {
        assertOneLineUsageError(serve("--arm", "jetty-qtp", "--port", "0", "--cpu-executor", "2"), "--cpu-executor");
    }
}
