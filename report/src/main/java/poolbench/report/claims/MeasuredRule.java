package poolbench.report.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import poolbench.compare.record.CapacityPoint;
import poolbench.report.charts.ChartFiles;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Numbers;
import poolbench.report.run.OperatingPoints;
import poolbench.report.run.RunSet;

/**
 * A claim decided on the comparisons: one or more {@link Decision}s, each read on every comparison it selects (a
 * series of verdicts, one per operating point), and the claim's verdict from its series:
 * <ul>
 *   <li>refuted when some series is refuted at every one of its steps (a claim that holds only in part does not
 *   hold);</li>
 *   <li>confirmed when every series is confirmed at every step and no decision lacks its comparison;</li>
 *   <li>depends on the load when a series' steps disagree, some confirmed and some refuted (the reason names where
 *   it turns);</li>
 *   <li>otherwise inconclusive, naming what is undecided or missing.</li>
 * </ul>
 * Subclasses add what the claim shows beside its decisions: notes (capacity, context) and the series they adjust.
 */
abstract class MeasuredRule extends ClaimRule {

    /** How the claim's verdict follows from its series' verdicts: see the class comment. */
    static final String COMBINATION = "The claim is refuted when some part (one question on one comparison) is "
            + "refuted at every step, confirmed when every part is confirmed at every step, \"depends on the load\" "
            + "when a part's steps disagree (the reason names the rate where it turns), otherwise inconclusive.";

    private final String reading;
    private final List<Decision> deciding;
    private final List<Decision> shown;

    /**
     * @param reading  what the claim's words mean in figures, the sentence before the decisions
     * @param deciding the questions that decide
     * @param shown    questions shown beside them that do not decide
     */
    MeasuredRule(String claim, String reading, List<Decision> deciding, List<Decision> shown) {
        super(claim);
        this.reading = reading;
        this.deciding = List.copyOf(deciding);
        this.shown = List.copyOf(shown);
    }

    @Override
    public final Kind kind() {
        return Kind.MEASURED;
    }

    List<Decision> deciding() {
        return deciding;
    }

    @Override
    public String rule() {
        StringBuilder s = new StringBuilder(reading).append(" ").append(Decision.READING).append(" Asked: ")
                .append(String.join("; ", deciding.stream().map(Decision::sentence).toList())).append(".");
        deciding.stream().map(d -> d.judge().method()).distinct().forEach(m -> s.append(" ").append(m));
        s.append(" ").append(COMBINATION);
        if (!shown.isEmpty()) {
            s.append(" Shown beside them, not deciding: ").append(String.join("; ", shown.stream()
                    .map(d -> d.label() + " " + d.selection().text()).toList())).append(".");
        }
        return s.toString();
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        OperatingPoints points = runs.operatingPoints();
        List<String> charts = charts(points);
        if (points.isEmpty()) {
            return missing("no comparison in this run" + (runs.hasCompareRecords() ? " (only single runs in "
                    + RunSet.RAW + "/, as compare wrote before the measured claims were decided on comparisons)"
                    : ""), List.of(), notes(runs, List.of()), charts);
        }
        List<Series> series = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Decision d : deciding) {
            List<Series> s = adjust(d.evaluate(points));
            if (s.isEmpty()) {
                missing.add(missing(runs, d));
            }
            series.addAll(s);
        }
        List<Series> beside = new ArrayList<>();
        shown.forEach(d -> beside.addAll(adjust(d.evaluate(points))));
        List<String> notes = notes(runs, series);
        if (series.isEmpty()) {
            return new ClaimResult(0, claim(), kind(), rule(), Verdict.INCONCLUSIVE, MISSING
                    + String.join("; ", distinct(missing)), List.of(), beside, List.of(), notes, charts);
        }
        Verdict verdict = combine(series, !missing.isEmpty());
        return new ClaimResult(0, claim(), kind(), rule(), verdict, reason(verdict, series, missing), series, beside,
                List.of(), notes, charts);
    }

    /** A decision's series as the claim judges them; a subclass may overrule points on what the ratio misses. */
    List<Series> adjust(List<Series> series) {
        return series;
    }

    /** Sentences shown beside the verdict (capacity, context); none by default. */
    List<String> notes(RunSet runs, List<Series> series) {
        return List.of();
    }

    /**
     * Why a decision has no series, with compare's own reason where it skipped the workload (environment.json's
     * skipped lines, e.g. "db: PostgreSQL not found"); a subclass may say more.
     */
    String missing(RunSet runs, Decision d) {
        return d.missing(runs.operatingPoints()) + skipped(runs, l -> l.startsWith(d.selection().workload() + ":"));
    }

    /** " (compare skipped it: …)" for the first skipped line that matches, or nothing. */
    static String skipped(RunSet runs, Predicate<String> about) {
        return runs.environment().map(e -> e.skipped() == null ? List.<String>of() : e.skipped()).orElse(List.of())
                .stream().filter(about).findFirst().map(l -> " (compare skipped it: " + l + ")").orElse("");
    }

    /** The charts of every comparison the decisions read: latency and CPU against the offered rate. */
    List<String> charts(OperatingPoints points) {
        Set<String> charts = new LinkedHashSet<>();
        for (Decision d : deciding) {
            for (ComparisonLaunches c : d.selection().select(points)) {
                charts.add(ChartFiles.latencyVsRate(c.id()));
                if (!c.mixed()) {
                    charts.add(ChartFiles.cpuVsRate(c.id()));
                }
            }
        }
        return List.copyOf(charts);
    }

    static Verdict combine(List<Series> series, boolean missing) {
        if (series.stream().anyMatch(s -> s.verdict() == Verdict.REFUTED)) {
            return Verdict.REFUTED;
        }
        if (!missing && series.stream().allMatch(s -> s.verdict() == Verdict.CONFIRMED)) {
            return Verdict.CONFIRMED;
        }
        if (series.stream().anyMatch(s -> s.verdict() == Verdict.DEPENDS)) {
            return Verdict.DEPENDS;
        }
        return Verdict.INCONCLUSIVE;
    }

    static String reason(Verdict verdict, List<Series> series, List<String> missing) {
        return switch (verdict) {
            case REFUTED -> "refuted at every step of " + String.join("; ", series.stream()
                    .filter(s -> s.verdict() == Verdict.REFUTED).map(Series::summary).toList());
            case CONFIRMED -> "confirmed at every step: " + String.join("; ", series.stream().map(Series::summary)
                    .toList());
            case DEPENDS -> "the answer depends on the load: " + String.join("; ", series.stream()
                    .filter(s -> s.verdict() == Verdict.DEPENDS).map(Series::crossover).toList());
            default -> {
                List<String> why = new ArrayList<>();
                if (!missing.isEmpty()) {
                    why.add("not every part has its data (" + String.join("; ", distinct(missing)) + ")");
                }
                for (Series s : series) {
                    if (s.points().isEmpty()) {
                        why.add(s.label() + ": no step was measured (" + s.comparison().id() + " has no ladder)");
                    }
                    s.points().stream().filter(p -> p.verdict() == Verdict.INCONCLUSIVE).findFirst()
                            .ifPresent(p -> why.add(s.label() + " " + p.point().text() + ": " + p.reason()));
                }
                yield why.isEmpty() ? "no step was decided" : String.join("; ", why);
            }
        };
    }

    private static List<String> distinct(List<String> lines) {
        return List.copyOf(new LinkedHashSet<>(lines));
    }

    /**
     * The first launch's capacities of two arms on every comparison of {@code workload}, where the comparison has
     * both: their ratio when both were server-bound, else what made it not measurable. Capacity is searched once per
     * arm, so it has no interval over launches, and decides nothing.
     */
    static List<String> capacityNotes(OperatingPoints points, String workload, String numerator,
                                      String denominator) {
        List<String> notes = new ArrayList<>();
        for (ComparisonLaunches c : points.of(workload)) {
            Optional<CapacityPoint> n = c.capacity(numerator);
            Optional<CapacityPoint> d = c.capacity(denominator);
            if (n.isEmpty() || d.isEmpty()) {
                continue;
            }
            String both = capacity(n.get()) + ", " + capacity(d.get());
            if (n.get().measurable() && d.get().measurable()) {
                notes.add("Capacity on " + c.label() + " (the first launch's search, under the CPU quota "
                        + c.quota().describe() + "): " + both + ", so " + numerator + " ÷ " + denominator + " "
                        + Numbers.ratio(n.get().capacity() / d.get().capacity()) + ". Searched once per arm, it has "
                        + "no interval over launches and does not decide.");
            } else {
                notes.add("Capacity on " + c.label() + ": " + both + "; no ratio, since capacity is the server's "
                        + "only where the load had headroom.");
            }
        }
        return notes;
    }

    /** "classic 12,000 req/s (server-bound: …)" or "per-connection not measurable here (…)". */
    static String capacity(CapacityPoint c) {
        return c.arm() + (c.measurable() ? " " + Numbers.human(c.capacity()) + " req/s" : " not measurable here")
                + " (" + c.note() + ")";
    }
}
