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
import poolbench.report.charts.ChartFiles;

/**
 * The findings check on a small published tree: a run directory with its FINDINGS.md, README.md (which repeats
 * the findings), CLAIMS.md, a chart with its data and one without, the wrk table; another run beside it and the
 * results index above.
 */
class FindingsCheckTest {

    static final String RUN = "2026-12-02-run";

    /** Findings whose every linked number is in its target; {@code %s} takes the claim-1 ratio and the wrk range. */
    static final String FINDINGS = """
            ## What the data says

            Run `2026-12-02-run` on a 2-vCPU machine, commit 93da72b, Temurin 25.0.3, measured on 2026-12-02 at \
            15:38 UTC in 2026 ([environment](#environment)).

            ### A pool against a thread per connection (claims 1, 3)

            - **Platform threads, pooled.** Classic serves [%s the requests per server CPU-second](CLAIMS.md#claim-1)
              of per-connection (95%% interval 1.21×–1.90×), every pair over 1.10×. It answers 17,763 requests/s at
              p99 4.89 ms and allocates 791 B a request against per-connection's 31,715 B
              ([plaintext, 64 connections](#plaintext-64-connections)).
            - Jetty and Helidon reached %s requests/s in the [wrk table](wrk-table.txt), with 2.9%% steal
              ([disturbed runs](#disturbed-runs-left-out)).
            - Workers ([chart](charts/workers.png)) peaked at 64.
            - Three runs of claim 9 [agree](../README.md#verdicts-side-by-side) on 3 of 3 verdicts, and the
              [morning run](../2026-12-02-other/README.md#jmh) measured 0.44 µs a hand-off.
            """;

    static final String CLAIMS = """
            # The article's claims, checked against run `2026-12-02-run`

            | # | claim | verdict | measured |
            |---|---|---|---|
            | 1 | [A worker pool](#claim-1) | **confirmed** | 1.53× |

            <a id="claim-1"></a>

            ## 1. A worker pool makes the server many times more efficient than a thread per connection.

            **Verdict: confirmed** — the 95% interval 1.21×–1.90× (geometric mean 1.53× over 3 pairs) is wholly ≥ 1.10.

            | figure | connections, repeat | value | from |
            |---|---|---|---|
            | classic ÷ per-connection requests per server CPU-second | c64 r1 | 1.53× | 17,809 ÷ 11,640 |

            <a id="claim-2"></a>

            ## 2. The pool makes parallelism controllable.

            **Verdict: confirmed** — 2.50× and 4.00× in every repeat.
            """;

    static String readme(String findings) {
        return """
                # poolbench run `2026-12-02-run`

                Verdicts: [CLAIMS.md](CLAIMS.md).

                FINDINGS

                ## Environment

                | | |
                |---|---|
                | CPU | Test CPU, 2 CPUs available |

                ## Results per workload

                ### plaintext

                #### plaintext, 64 connections

                | arm | requests/s | p99 ms | alloc B/request | error |
                |---|---|---|---|---|
                | classic | 17,763 | 4.89 | 791 | 2.54 |
                | per-connection | 9,000 | 12.0 | 31,715 | 0.100 |

                #### plaintext, 256 connections

                | arm | requests/s |
                |---|---|
                | classic | 5,555 |

                ### Disturbed runs (left out)

                | run | steal |
                |---|---|
                | `burst-c128-classic-r1` | 2.9% |
                """.replace("FINDINGS", findings.strip());
    }

    static final String WRK_TABLE = """
            wrk-table.sh: 2026-12-02T15:27:21Z, commit 93da72b, 2 CPUs
            round  server               keep-alive          close
            1      jetty-qtp                  7236           5419
            1      helidon                   13073           4895
            """;

    /** The tree with {@code findings} written as the run's FINDINGS.md and repeated in its README.md. */
    static Path tree(Path results, String findings) throws IOException {
        Path run = results.resolve(RUN);
        Files.createDirectories(run.resolve(ChartFiles.DIRECTORY));
        Files.writeString(run.resolve(RunNotes.FINDINGS), findings);
        Files.writeString(run.resolve(RunReadme.FILE), readme(findings));
        Files.writeString(run.resolve(ClaimsDocument.FILE), CLAIMS);
        Files.writeString(run.resolve(RunNotes.WRK_TABLE), WRK_TABLE);
        Files.write(run.resolve("charts/workers.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(run.resolve("charts/workers.csv"), "second,classic\n0,12\n1,64\n");
        Files.write(run.resolve("charts/threads.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path other = Files.createDirectories(results.resolve("2026-12-02-other"));
        Files.writeString(other.resolve(RunReadme.FILE), "# other\n\n## JMH\n\n| benchmark | µs/op |\n|---|---|\n"
                + "| HandOff | 0.437 |\n\n## wrk table\n\n31,000\n");
        Files.writeString(results.resolve(ResultsIndex.FILE), "# Published runs\n\n## Verdicts side by side\n\n"
                + "| # | claim | a | b | c |\n|---|---|---|---|---|\n| 9 | db | refuted | refuted | refuted |\n\n"
                + "3 runs.\n");
        return run;
    }

    static Path tree(Path results, String ratio, String range) throws IOException {
        return tree(results, FINDINGS.formatted(ratio, range));
    }

    static int lineOf(String text, String needle) {
        return 1 + (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
    }

    @Test
    void findingsWhoseNumbersAreInTheirLinkedTargetsPass(@TempDir Path results) throws IOException {
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, "1.53×", "5–13k"));

        assertEquals(List.of(), outcome.mismatches(), outcome.summary());
        assertTrue(outcome.passed());
        assertEquals(List.of(), outcome.unverifiable());
        assertEquals(List.of(), outcome.notes());
        assertEquals(6, outcome.sentences(), outcome.summary());
    }

    @Test
    void aWrongRatioFailsWithItsLineNumberAndLink(@TempDir Path results) throws IOException {
        String findings = FINDINGS.formatted("2.5×", "5–13k");
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, findings));

        assertFalse(outcome.passed());
        assertEquals(1, outcome.mismatches().size(), outcome.mismatches().toString());
        FindingsCheck.Problem p = outcome.mismatches().get(0);
        assertEquals("2.5×", p.number());
        assertEquals("CLAIMS.md#claim-1", p.link());
        assertEquals(lineOf(findings, "2.5×"), p.line());
        assertEquals("FINDINGS.md:" + p.line() + ": 2.5× is not in CLAIMS.md#claim-1", p.text());
    }

    @Test
    void aRangeEndNoFigureRoundsToFails(@TempDir Path results) throws IOException {
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, "1.53×", "5–18k"));

        assertEquals(List.of("18k"), outcome.mismatches().stream().map(FindingsCheck.Problem::number).toList());
        assertEquals("wrk-table.txt, #disturbed-runs-left-out", outcome.mismatches().get(0).link());
        assertTrue(outcome.mismatches().get(0).text().endsWith(": 18k is in none of wrk-table.txt, "
                + "#disturbed-runs-left-out"), outcome.mismatches().get(0).text());
    }

    @Test
    void aNumberOnlyInTheNextSectionDoesNotCount(@TempDir Path results) throws IOException {
        // 5,555 is in "plaintext, 256 connections", right below the linked section.
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, FINDINGS.formatted("1.53×", "5–13k")
                .replace("17,763 requests/s", "5,555 requests/s")));

        assertEquals(List.of("5,555"), outcome.mismatches().stream().map(FindingsCheck.Problem::number).toList());
        assertEquals("#plaintext-64-connections", outcome.mismatches().get(0).link());
    }

    @Test
    void aNumberOnlyAChartWithoutDataCouldShowIsUnverifiableNotFailed(@TempDir Path results) throws IOException {
        String findings = FINDINGS.formatted("1.53×", "5–13k")
                .replace("- Workers ([chart](charts/workers.png)) peaked at 64.",
                        "- Workers ([chart](charts/workers.png)) peaked at 64, threads ([chart](charts/threads.png)) "
                                + "at 15.");
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, findings));

        assertTrue(outcome.passed(), outcome.mismatches().toString());
        assertEquals(1, outcome.unverifiable().size());
        FindingsCheck.Problem p = outcome.unverifiable().get(0);
        assertEquals("15", p.number());
        assertEquals("FINDINGS.md:" + lineOf(findings, "at 15.") + ": 15 unverifiable: charts/threads.png: the "
                + "chart has no data beside it (threads.csv or threads.json); not in charts/workers.png", p.text());
    }

    @Test
    void aChartsDataBesideItIsChecked(@TempDir Path results) throws IOException {
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, FINDINGS.formatted("1.53×", "5–13k")
                .replace("peaked at 64", "peaked at 65")));

        assertEquals(List.of("65"), outcome.mismatches().stream().map(FindingsCheck.Problem::number).toList());
    }

    @Test
    void aLinkToAMissingAnchorOrFileIsAMismatch(@TempDir Path results) throws IOException {
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, FINDINGS.formatted("1.53×", "5–13k")
                .replace("CLAIMS.md#claim-1", "CLAIMS.md#claim-11").replace("wrk-table.txt", "wrk.txt")));

        assertEquals(List.of("link CLAIMS.md#claim-11: CLAIMS.md has no heading or anchor #claim-11",
                        "link wrk.txt: there is no file wrk.txt"),
                outcome.mismatches().stream().map(p -> p.text().replaceFirst("^FINDINGS.md:\\d+: ", "")).toList());
    }

    @Test
    void theFindingsRepeatedInTheReadmeDoNotVouchForThemselves(@TempDir Path results) throws IOException {
        String findings = FINDINGS.formatted("1.53×", "5–13k") + "\nThe pool saves 77 µs ([above](#what-the-data-says))"
                + " and 88 µs ([the page](README.md)).\n";
        FindingsCheck.Outcome outcome = FindingsCheck.check(tree(results, findings));

        assertEquals(List.of("77", "88"), outcome.mismatches().stream().map(FindingsCheck.Problem::number).toList());
    }

    @Test
    void aReadmeThatNoLongerShowsTheFindingsIsNoted(@TempDir Path results) throws IOException {
        Path run = tree(results, "1.53×", "5–13k");
        Files.writeString(run.resolve(RunNotes.FINDINGS), FINDINGS.formatted("1.53×", "5–13k") + "\nMore.\n");

        FindingsCheck.Outcome outcome = FindingsCheck.check(run);

        assertEquals(1, outcome.notes().size());
        assertTrue(outcome.notes().get(0).startsWith("README.md does not show this FINDINGS.md as it is now"),
                outcome.notes().get(0));
    }

    @Test
    void aRunWithoutFindingsIsAClearError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FindingsCheck.check(dir));
        assertTrue(e.getMessage().endsWith("has no FINDINGS.md: write the findings there first, or pass the run "
                + "directory that has them"), e.getMessage());
    }

    // How numbers are read and matched.

    static PrintedNumber prose(String text) {
        List<PrintedNumber> numbers = PrintedNumber.inProse(text);
        assertEquals(1, numbers.size(), text + " → " + numbers);
        return numbers.get(0);
    }

    static boolean shown(String sentence, String page) {
        return PrintedNumber.inPage(page, false).stream().anyMatch(prose(sentence)::isShownBy);
    }

    @Test
    void aNumberIsShownByAFigureThatRoundsToItAsPrinted() {
        assertTrue(shown("about 1.5× the CPU", "median 1.53×"));
        assertFalse(shown("about 1.53× the CPU", "median 1.5×"), "a figure printed less precisely cannot vouch");
        assertTrue(shown("17,763 requests/s", "| 17763 |"));
        assertFalse(shown("17,763 requests/s", "| 17,764 |"));
        assertTrue(shown("at 13k requests/s", "| 12,500 |"));
        assertTrue(shown("at 13k requests/s", "| 13,499 |"));
        assertFalse(shown("at 13k requests/s", "| 13,500 |"));
        assertFalse(shown("at 13k requests/s", "| 17,763 |"));
        assertTrue(shown("a 1.2M heap", "1,249,999 B"));
        assertTrue(shown("reads negative (−0.107)", "| -0.107 |"));
        assertFalse(shown("reads negative (−0.107)", "| 0.107 |"));
    }

    @Test
    void aRatioIsShownOnlyByARatioAThresholdOrVerbatimOutput() {
        assertFalse(shown("about 2.5× the CPU", "| 123 ± 2.54 | us/op |"));
        assertTrue(shown("about 2.5× the CPU", "ratio 2.54×"));
        assertTrue(shown("every repeat over 1.10×", "fastest ÷ slowest ≥ 1.10 in every repeat"));
        assertTrue(PrintedNumber.inPage("classic / go-fasthttp   1.05 over 3 rounds", true).stream()
                .anyMatch(prose("close 1.05×")::isShownBy));
        assertTrue(shown("a latency of 2.5 ms", "ratio 2.54×"), "a bare number in prose is shown by any figure");
    }

    @Test
    void aPercentageIsShownOnlyWhereThePageSaysPercent() {
        assertFalse(shown("47% of its latency", "| virtual | 46.6 | 14.8 |"));
        assertTrue(shown("47% of its latency", "| virtual | 46.7% |"));
        assertTrue(shown("47% of its latency", "virtual pool wait, % of mean latency, db c64: 46.7 over 3 repeats"));
        assertFalse(shown("47% of its latency", "| virtual pool wait, % | 46.7 |"), "the % is in another cell");
    }

    @Test
    void aRangesBareFirstEndTakesTheUnitOfItsSecond() {
        List<PrintedNumber> numbers = PrintedNumber.inProse("at 5–13k requests/s, 0.76–2.31×, 5–8% and 3-4 s");
        assertEquals(List.of("5k", "13k", "0.76×", "2.31×", "5%", "8%", "3", "4"),
                numbers.stream().map(PrintedNumber::text).toList());
        assertEquals(3, numbers.get(0).exponent());
        assertTrue(numbers.get(2).ratio());
        assertTrue(numbers.get(4).percent());
    }

    @Test
    void digitsThatArePartOfANameAreNotNumbers() {
        assertEquals(List.of("64", "2", "7"), PrintedNumber.inProse("c64 and p99 on G1 over HTTP/1.1 at 3d1219c7, "
                + "x86_64, 1/100 s, go1.22 and 512m: 64 connections, 2-vCPU, 7.").stream().map(PrintedNumber::text)
                .toList());
    }

    @Test
    void whatIsNotDataIsNotReadFromASentence() {
        String findings = "Run `2026-12-02-full` (commit 1234567, Temurin 25.0.3, kernel 6.18.44) of 2026-12-02 at "
                + "15:38 UTC, in 2026: claims 1, 3 and 5 and claim 10 hold with a 95% interval of 1.21×–1.90× "
                + "over 16,247 requests/s ([table](#t)).\n";

        List<LinkedSentences.Sentence> sentences = LinkedSentences.of(findings);

        assertEquals(1, sentences.size());
        assertEquals(List.of("1.21×", "1.90×", "16,247"),
                sentences.get(0).numbers().stream().map(PrintedNumber::text).toList());
    }

    @Test
    void sentencesEndAtAFullStopThatStartsAnother() {
        String findings = """
                ## Heading with [a link](#x) and 3 numbers

                First: [the claim.](CLAIMS.md#claim-1) holds at 4.83×, e.g. on close. Second: 1.2 µs
                ([table](#t)). Not linked: 9.

                - Item at 7 ([link](#a)); still the item. Its second sentence, 8 ([other](#b)).
                | row | 6 ([cell](#c)) |
                """;

        List<LinkedSentences.Sentence> sentences = LinkedSentences.of(findings);

        assertEquals(List.of(List.of("4.83×"), List.of("1.2"), List.of("7"), List.of("8"), List.of("6")),
                sentences.stream().map(s -> s.numbers().stream().map(PrintedNumber::text).toList()).toList());
        assertEquals(List.of(List.of("CLAIMS.md#claim-1"), List.of("#t"), List.of("#a"), List.of("#b"),
                        List.of("#c")),
                sentences.stream().map(s -> s.links().stream().map(LinkedSentences.Link::target).toList()).toList());
    }

    @Test
    void sectionsAreFoundByGitHubsAnchors() {
        assertEquals("heap--collector-sweep", MarkdownSections.anchor("Heap × collector sweep"));
        assertEquals("disturbed-runs-left-out", MarkdownSections.anchor("Disturbed runs (left out)"));
        assertEquals("aa-the-noise-floor-of-this-run", MarkdownSections.anchor("A/A: the noise floor of this run"));
        assertEquals("2026-12-02-full", MarkdownSections.anchor("[2026-12-02-full](2026-12-02-full/README.md)"));

        String page = "# T\n\n## A/A\n\nfirst\n\n### inner\n\nstill first\n\n## A/A\n\nsecond\n\n"
                + "```\n## not a heading\n```\n\n<a id=\"x\"></a>\n\nprose under x\n\n#### deeper\n\nunder deeper\n";
        MarkdownSections sections = MarkdownSections.of(page);
        assertEquals("## A/A\n\nfirst\n\n### inner\n\nstill first\n\n", text(page, sections, "aa"));
        assertTrue(text(page, sections, "aa-1").startsWith("## A/A\n\nsecond"));
        assertTrue(sections.section("not-a-heading").isEmpty());
        assertEquals("<a id=\"x\"></a>\n\nprose under x\n\n", text(page, sections, "x"));
    }

    private static String text(String page, MarkdownSections sections, String anchor) {
        MarkdownSections.Range r = sections.section(anchor).orElseThrow();
        return page.substring(r.from(), r.to());
    }
}
