package poolbench.report.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project README's latest-results table, written from a run's claims.json between its markers. */
class LatestResultsTest {

    static final String BEFORE = "# poolbench\n\n## Latest results\n\nHand-written: the machine, the run.\n\n";
    static final String AFTER = "\n\n- A hand-written finding, 4.83×.\n\n## Running one arm\n";

    /** A reported run: its claims.json with two verdicts, as report writes it. */
    static Path run(Path results) throws IOException {
        Path run = Files.createDirectories(results.resolve("2026-12-02-full"));
        ClaimsDocument.Summary summary = new ClaimsDocument.Summary("2026-12-02-full", "2026-12-02T13:33:31Z", "full",
                "93da72b", List.of(
                new ClaimsDocument.Summary.Line(1, "A worker pool makes the server many times more efficient.",
                        "confirmed", "the interval is wholly ≥ 2.00", "classic ÷ per-connection 4.83× (3.12×–7.05×)"),
                new ClaimsDocument.Summary.Line(2, "The pool bounds parallelism | overflow gets 503.", "refuted",
                        "a repeat had no 503", "classic peak workers, overload: 65")));
        Files.writeString(run.resolve(ClaimsDocument.JSON_FILE), ClaimsDocument.JSON.writeValueAsString(summary));
        return run;
    }

    @Test
    void betweenTheMarkersTheTableIsWrittenFromTheRunAndNothingElseChanges(@TempDir Path root) throws IOException {
        Path run = run(root.resolve("results"));
        Path readme = root.resolve("README.md");
        Files.writeString(readme, BEFORE + LatestResults.START + "\n| # | claim |\n|---|---|\n| 1 | copied by hand |\n"
                + LatestResults.END + AFTER);

        String message = LatestResults.write(run, readme);

        String written = Files.readString(readme);
        assertTrue(written.startsWith(BEFORE + LatestResults.START + "\n"), written);
        assertTrue(written.endsWith(LatestResults.END + AFTER), written);
        assertFalse(written.contains("copied by hand"), written);
        assertTrue(written.contains("| # | claim | verdict | deciding figure |\n"), written);
        assertTrue(written.contains("| 1 | A worker pool makes the server many times more efficient. | **confirmed** "
                + "| classic ÷ per-connection 4.83× (3.12×–7.05×) |\n"), written);
        assertTrue(written.contains("| 2 | The pool bounds parallelism \\| overflow gets 503. | **refuted** | classic "
                + "peak workers, overload: 65 |\n"), written);
        assertTrue(written.contains("<!-- written by ./poolbench report --readme from results/2026-12-02-full/"
                + "claims.json; edits between the markers are overwritten -->"), written);
        assertEquals(readme + ": latest results written from results/2026-12-02-full/claims.json", message);

        LatestResults.write(run, readme);
        assertEquals(written, Files.readString(readme), "a second write changes nothing");
    }

    @Test
    void aReadmeWithoutBothMarkersIsLeftAsItIsAndTheMessageSaysSo(@TempDir Path root) throws IOException {
        Path run = run(root.resolve("results"));
        Path readme = root.resolve("README.md");
        for (String text : List.of(BEFORE + AFTER, BEFORE + LatestResults.START + AFTER,
                BEFORE + LatestResults.END + "\n" + LatestResults.START + AFTER)) {
            Files.writeString(readme, text);

            String message = LatestResults.write(run, readme);

            assertEquals(text, Files.readString(readme));
            assertEquals(readme + ": no " + LatestResults.START + " … " + LatestResults.END + " markers (each once, "
                    + "in that order), so the latest results were not written; put them around the table to have it "
                    + "generated", message);
        }
    }

    @Test
    void aRunNotReportedYetIsAClearError(@TempDir Path root) throws IOException {
        Path readme = Files.writeString(root.resolve("README.md"), BEFORE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatestResults.write(Files.createDirectories(root.resolve("run")), readme));
        assertTrue(e.getMessage().endsWith("has no claims.json: run ./poolbench report " + root.resolve("run")
                + " first"), e.getMessage());
    }

    @Test
    void theProjectReadmeHasTheMarkersAroundItsTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(LatestResults.START);
        int end = readme.indexOf(LatestResults.END);
        assertTrue(start > readme.indexOf("## Latest results") && end > start, "markers missing or out of order");
        assertTrue(readme.substring(start, end).contains("| # | claim | verdict | deciding figure |"));
    }
}
