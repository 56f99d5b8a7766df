package poolbench.report.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Numbers that check themselves: every number in a sentence of a run's FINDINGS.md that links to a table, chart or
 * claim must be shown, rounded as the sentence prints it, in what the sentence links to.
 *
 * <ul>
 *   <li><b>What is checked.</b> Each sentence (of a paragraph, a list item or a table row) with a link into the
 *       project: a file and/or {@code #anchor} relative to the run directory (its README.md, CLAIMS.md, charts,
 *       another run, results/README.md). A sentence without such a link is not checked; neither are headings.</li>
 *   <li><b>Where a number must be.</b> In any of the sentence's links: an anchor's section (from its heading to the
 *       next heading of the same or a higher level), a whole page without an anchor, a chart's data beside it
 *       ({@link LinkTargets}). What the page repeats from the findings does not count.</li>
 *   <li><b>Rounded as printed.</b> {@link PrintedNumber}: "1.5×" is shown by 1.53×, "13k" by 12,500–13,499,
 *       "17,763" by 17,763 alone; a ratio only by a ratio or a threshold, a percentage only where the page says %
 *       (verbatim output, which prints no units, shows either). A range is its two ends, each checked so: "5–13k"
 *       needs a figure that rounds to 5k and one that rounds to 13k. Whether no figure lies outside the range is not
 *       something the check can know (which rows a range covers is in the words), so a range should name its
 *       extremes.</li>
 *   <li><b>What it cannot see.</b> A number passes when any figure of the target rounds to it, whatever that
 *       figure measures; a small integer often finds one. The check finds numbers shown nowhere in what the sentence
 *       links to (derived, copied from elsewhere, mistyped), not numbers read off the wrong column.</li>
 *   <li><b>Not data</b> ({@link LinkedSentences}): code spans, dates and clock times, versions, commit hashes, claim
 *       numbers, confidence levels ("95% interval"), bare years, list markers, digits that are part of a name
 *       ("c64", "p99", "G1", "HTTP/1.1") and numbers in words.</li>
 *   <li><b>Outcomes.</b> A number shown by no link is a <i>mismatch</i>. One a chart without data might show is
 *       <i>unverifiable</i>: listed, not failed. A link to a missing file or anchor is a mismatch of its own; the
 *       numbers beside it are not reported until it is fixed.</li>
 * </ul>
 */
public final class FindingsCheck {

    /**
     * One finding of the check.
     *
     * @param line   1-based line of FINDINGS.md
     * @param number the number as printed, or "" for a broken link
     * @param link   the link (or links, comma-separated) the number was looked for in
     * @param text   the line to print: "FINDINGS.md:27: 2.5× is not in ../other/README.md"
     */
    public record Problem(int line, String number, String link, String text) {
    }

    /**
     * What the check found.
     *
     * @param sentences    sentences that link into the project
     * @param numbers      numbers read from them
     * @param mismatches   numbers no link shows, and broken links
     * @param unverifiable numbers only a chart without data could show
     * @param notes        what may make the check's reading stale, in one line each
     */
    public record Outcome(int sentences, int numbers, List<Problem> mismatches, List<Problem> unverifiable,
                          List<String> notes) {

        public boolean passed() {
            return mismatches.isEmpty();
        }

        /** One line: how much was checked and what came of it. */
        public String summary() {
            return RunNotes.FINDINGS + ": " + count(numbers, "number") + " in " + count(sentences, "sentence")
                    + " with a link to a table, chart or claim; " + count(mismatches.size(), "mismatch") + ", "
                    + unverifiable.size() + " unverifiable";
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : noun.endsWith("h") ? "es" : "s");
        }
    }

    private FindingsCheck() {
    }

    /** Whether {@code runDir} has findings to check. */
    public static boolean hasFindings(Path runDir) {
        return Files.isRegularFile(runDir.resolve(RunNotes.FINDINGS));
    }

    /**
     * Checks {@code runDir}'s FINDINGS.md against the pages it links to, as they are on disk.
     *
     * @throws IllegalArgumentException when the run directory has no FINDINGS.md
     */
    public static Outcome check(Path runDir) throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        if (!hasFindings(dir)) {
            throw new IllegalArgumentException(dir + " has no " + RunNotes.FINDINGS + ": write the findings there "
                    + "first, or pass the run directory that has them");
        }
        String findings = Files.readString(dir.resolve(RunNotes.FINDINGS));
        List<String> repeated = new ArrayList<>(List.of(findings));
        repeated.add(RunNotes.fromResultsDirectory(findings, dir.getFileName().toString()));
        LinkTargets targets = new LinkTargets(dir, repeated);

        List<Problem> mismatches = new ArrayList<>();
        List<Problem> unverifiable = new ArrayList<>();
        List<LinkedSentences.Sentence> sentences = LinkedSentences.of(findings);
        boolean readsReadme = false;
        int numbers = 0;
        for (LinkedSentences.Sentence s : sentences) {
            Map<String, LinkTargets.Target> linked = new LinkedHashMap<>();
            for (LinkedSentences.Link l : s.links()) {
                readsReadme |= targets.file(l.target()).equals(dir.resolve(RunReadme.FILE));
                if (!linked.containsKey(l.target())) {
                    LinkTargets.Target t = targets.resolve(l.target());
                    linked.put(l.target(), t);
                    if (t.status() == LinkTargets.Status.BROKEN) {
                        mismatches.add(problem(findings, l.offset(), "", l.target(), "link " + l.target() + ": "
                                + t.why()));
                    }
                }
            }
            numbers += s.numbers().size();
            for (PrintedNumber n : s.numbers()) {
                judge(findings, n, linked.values()).ifPresent(p -> (p.unverifiable ? unverifiable : mismatches)
                        .add(p.problem));
            }
        }
        List<String> notes = new ArrayList<>();
        if (readsReadme && !Files.readString(dir.resolve(RunReadme.FILE)).contains(findings.strip())) {
            notes.add(RunReadme.FILE + " does not show this " + RunNotes.FINDINGS + " as it is now, so the figures "
                    + "read from it may be stale: run ./poolbench report " + dir + ", then check again");
        }
        return new Outcome(sentences.size(), numbers, mismatches, unverifiable, notes);
    }

    /** A number's problem, and whether it is only unverifiable. */
    private record Flagged(Problem problem, boolean unverifiable) {
    }

    /** Nothing when a link shows {@code n}; else what to report, following the outcomes in the class comment. */
    private static Optional<Flagged> judge(String findings, PrintedNumber n, Collection<LinkTargets.Target> linked) {
        List<LinkTargets.Target> shown = withStatus(linked, LinkTargets.Status.SHOWN);
        if (shown.stream().anyMatch(t -> t.numbers().stream().anyMatch(n::isShownBy))) {
            return Optional.empty();
        }
        List<LinkTargets.Target> unverifiable = withStatus(linked, LinkTargets.Status.UNVERIFIABLE);
        if (!unverifiable.isEmpty()) {
            String why = unverifiable.stream().map(t -> t.link() + ": " + t.why()).collect(Collectors.joining("; "));
            return Optional.of(new Flagged(problem(findings, n.offset(), n.text(), names(unverifiable),
                    n.text() + " unverifiable: " + why + (shown.isEmpty() ? "" : "; not in " + names(shown))), true));
        }
        if (!withStatus(linked, LinkTargets.Status.BROKEN).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flagged(problem(findings, n.offset(), n.text(), names(shown),
                n.text() + " is " + (shown.size() == 1 ? "not in " : "in none of ") + names(shown)), false));
    }

    private static List<LinkTargets.Target> withStatus(Collection<LinkTargets.Target> targets,
                                                       LinkTargets.Status status) {
        return targets.stream().filter(t -> t.status() == status).toList();
    }

    private static String names(List<LinkTargets.Target> targets) {
        return targets.stream().map(LinkTargets.Target::link).collect(Collectors.joining(", "));
    }

    private static Problem problem(String findings, int offset, String number, String link, String what) {
        int line = 1 + (int) findings.substring(0, offset).chars().filter(c -> c == '\n').count();
        return new Problem(line, number, link, RunNotes.FINDINGS + ":" + line + ": " + what);
    }
}
