package poolbench.report.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import poolbench.report.run.ArmStep;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.LaunchRatio;
import poolbench.report.run.OperatingPoint;
import poolbench.report.run.OperatingPoints;
import poolbench.report.run.StepMetric;

/**
 * One question a claim asks of the comparisons, as one value: which comparisons ({@link Selection}), which two arms,
 * which figure, and how a point is judged ({@link Judge}). The same value prints the rule's sentence and computes the
 * verdicts, so the prose and the computation cannot drift apart.
 *
 * @param numerator   the arm on top
 * @param denominator the arm below
 * @param metric      the figure, per launch at each step
 * @param selection   the comparisons read
 * @param judge       how a point is decided
 */
public record Decision(String numerator, String denominator, StepMetric metric, Selection selection, Judge judge) {

    /** "per-connection ÷ classic server CPU µs per request". */
    String label() {
        return numerator + " ÷ " + denominator + " " + metric.words();
    }

    /** What is asked, where, and its threshold: "per-connection ÷ classic … on plaintext-close: confirmed when …". */
    String sentence() {
        return label() + " " + selection.text() + ": " + judge.thresholdText();
    }

    /** How every question is read from the launches, before its judge: one sentence of every measured rule. */
    static final String READING = "Each question is asked at every step of its comparison's ladder: an arm's figure in "
            + "a launch is its total over that launch's counted windows at the step (a step the arm did not sustain "
            + "there gives that launch no value), and the ratio of two arms is taken launch by launch.";

    /** The same question of two other arms (a claim that asks it of another pair). */
    Decision of(String otherNumerator, String otherDenominator) {
        return new Decision(otherNumerator, otherDenominator, metric, selection, judge);
    }

    /** The same question of other comparisons (a context shown beside the deciding one). */
    Decision withSelection(Selection other) {
        return new Decision(numerator, denominator, metric, other, judge);
    }

    /** One series per selected comparison that has both arms. */
    List<Series> evaluate(OperatingPoints points) {
        List<Series> series = new ArrayList<>();
        for (ComparisonLaunches c : selection.select(points)) {
            if (!c.has(numerator) || !c.has(denominator)) {
                continue;
            }
            List<PointVerdict> verdicts = new ArrayList<>();
            for (OperatingPoint p : c.points()) {
                verdicts.add(at(c, p));
            }
            series.add(new Series(this, c, verdicts));
        }
        return series;
    }

    private PointVerdict at(ComparisonLaunches c, OperatingPoint p) {
        LaunchRatio effect = c.ratio(numerator, denominator, p.step(), metric);
        LaunchRatio aa = c.hasAa() ? c.aa(p.step(), metric) : null;
        Judge.PointJudgement j = judge.judge(effect, aa);
        // The launches without a value, those with the same reason together.
        Map<String, List<Integer>> gaps = new LinkedHashMap<>();
        for (String arm : List.of(numerator, denominator)) {
            for (ArmStep s : c.at(arm, p.step())) {
                if (!Double.isFinite(metric.of(s))) {
                    String why = s.gap();
                    gaps.computeIfAbsent(arm + ": " + (why.isEmpty() ? "no answered request" : why),
                            k -> new ArrayList<>()).add(s.launch());
                }
            }
        }
        List<String> lines = gaps.entrySet().stream().map(e -> (e.getValue().size() == 1 ? "launch " : "launches ")
                + String.join(", ", e.getValue().stream().map(String::valueOf).toList()) + ", " + e.getKey())
                .toList();
        return new PointVerdict(p, effect, aa, j.verdict(), j.judged(), j.reason(), lines);
    }

    /** Why this question has no series in the run, as the reason of a verdict without its data. */
    String missing(OperatingPoints points) {
        List<ComparisonLaunches> selected = selection.select(points);
        if (selected.isEmpty()) {
            return selection.heap() == Selection.Heap.DEFAULT ? "no " + selection.workload() + " comparison in this run"
                    : "no heap × collector sweep of " + selection.workload() + " with two heaps or more in this run";
        }
        List<String> lacking = new ArrayList<>();
        for (ComparisonLaunches c : selected) {
            for (String arm : List.of(numerator, denominator)) {
                if (!c.has(arm)) {
                    lacking.add(c.id() + " has no " + arm);
                }
            }
        }
        return String.join("; ", lacking);
    }
}
