package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import poolbench.compare.plan.JvmSetting;

/** The compare suite's server JVM setting has one home; the script line and the help texts read it from there. */
class JvmFlagsCommandTest {

    private static String run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void printsTheDefaultSettingsFlagsOnOneLine() {
        assertEquals(String.join(" ", JvmSetting.DEFAULT.flags()), run("jvm-flags").strip());
        assertEquals(1, run("jvm-flags").lines().count());
    }

    @Test
    void helpTextsQuoteTheDefaultSettingItself() {
        String flags = String.join(" ", JvmSetting.DEFAULT.flags());
        assertTrue(run("jvm-flags", "--help").replaceAll("\\s+", " ").contains("(" + flags + ")"));
        String compare = run("compare", "--help").replaceAll("\\s+", " ");
        assertTrue(compare.contains("instead of the default " + JvmSetting.DEFAULT.heap() + " "), compare);
        assertTrue(compare.contains("collectors: " + String.join(", ", JvmSetting.COLLECTORS) + " (default: "
                + JvmSetting.DEFAULT.gc() + ")"), compare);
    }
}
