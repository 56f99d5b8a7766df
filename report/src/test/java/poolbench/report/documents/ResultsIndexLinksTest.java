package poolbench.report.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Links of a run's findings, moved into results/README.md: each goes the shortest way to what it names. */
class ResultsIndexLinksTest {

    @Test
    void linksFromTheResultsDirectoryTakeNoDetours() {
        String moved = RunNotes.fromResultsDirectory("[side by side](../README.md#verdicts-side-by-side), "
                + "[index](../README.md), [morning](../2026-12-02-a/README.md), [jmh](../2026-12-02-a/README.md#jmh), "
                + "[claims](./CLAIMS.md#claim-2), [chart](charts/../charts/x.png), [up](../../README.md#quick-start)",
                "2026-12-02-full");

        assertEquals("[side by side](#verdicts-side-by-side), [index](README.md), [morning](2026-12-02-a/README.md), "
                + "[jmh](2026-12-02-a/README.md#jmh), [claims](2026-12-02-full/CLAIMS.md#claim-2), "
                + "[chart](2026-12-02-full/charts/x.png), [up](../README.md#quick-start)", moved);
    }
}
