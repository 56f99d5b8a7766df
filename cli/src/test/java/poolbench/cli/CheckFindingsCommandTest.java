package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code poolbench check-findings DIR}: the mismatches, one line each, and an exit code a script can test. */
class CheckFindingsCommandTest {

    record Ran(int exit, String out, String err) {
    }

    static Ran run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Ran(exit, out.toString(), err.toString());
    }

    static Path runDirectory(Path dir, String ratio) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("FINDINGS.md"), "## What the data says\n\nClassic serves [" + ratio
                + " the requests per server CPU-second](CLAIMS.md#claim-1) of per-connection.\n");
        Files.writeString(dir.resolve("CLAIMS.md"), "# Claims\n\n<a id=\"claim-1\"></a>\n\n## 1. A pool\n\n"
                + "geometric mean 1.53×\n\n<a id=\"claim-2\"></a>\n\n## 2. A cap\n\n2.50×\n");
        return dir;
    }

    @Test
    void findingsWhoseNumbersAreInTheirTargetsExitZero(@TempDir Path dir) throws IOException {
        Ran ran = run("check-findings", runDirectory(dir.resolve("run"), "1.53×").toString());

        assertEquals(0, ran.exit(), ran.out() + ran.err());
        assertEquals("FINDINGS.md: 1 number in 1 sentence with a link to a table, chart or claim; 0 mismatches, "
                + "0 unverifiable\n", ran.out().replace("\r\n", "\n"));
    }

    @Test
    void aWrongNumberIsPrintedWithItsLineAndExitsOne(@TempDir Path dir) throws IOException {
        Ran ran = run("check-findings", runDirectory(dir.resolve("run"), "2.5×").toString());

        assertEquals(1, ran.exit(), ran.out() + ran.err());
        assertTrue(ran.out().startsWith("FINDINGS.md:3: 2.5× is not in CLAIMS.md#claim-1\n"), ran.out());
        assertEquals("", ran.err());
    }

    @Test
    void aDirectoryWithoutFindingsIsAOneLineError(@TempDir Path dir) {
        Ran missing = run("check-findings", dir.resolve("nope").toString());
        Ran empty = run("check-findings", dir.toString());

        assertEquals(Main.USAGE, missing.exit());
        assertEquals("poolbench: " + dir.resolve("nope") + " does not exist: pass a run directory, e.g. "
                + "results/<run>", missing.err().strip());
        assertEquals(Main.USAGE, empty.exit());
        assertEquals("poolbench: " + dir + " has no FINDINGS.md: pass the run directory whose findings to check, "
                + "e.g. results/<run>", empty.err().strip());
    }

    @Test
    void reportWithAReadmeThatDoesNotExistIsAOneLineError(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run").resolve("raw"));

        Ran ran = run("report", run.getParent().toString(), "--readme", dir.resolve("README.md").toString());

        assertEquals(Main.USAGE, ran.exit());
        assertEquals("poolbench: " + dir.resolve("README.md") + " does not exist: pass the project README to "
                + "--readme, e.g. --readme README.md", ran.err().strip());
    }
}
