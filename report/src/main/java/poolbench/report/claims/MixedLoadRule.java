package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import poolbench.compare.plan.Comparison;
import poolbench.compare.plan.Workload;
import poolbench.report.run.ArmStep;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.LoadGroup;
import poolbench.report.run.Numbers;
import poolbench.report.run.OperatingPoint;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * Are light requests served as promptly on virtual threads as on platform threads while the server is busy with
 * CPU-heavy work? Virtual threads are not time-sliced: a heavy request keeps its carrier until it is done, so a light
 * one may wait for a carrier where the OS would preempt a platform thread. The mixed comparison holds two questions
 * apart, at each share of the server's CPU the heavy group is offered: (a) light requests on connections established
 * before the heavy group started, and (b) new connections opened under it, timed from connect to first response.
 * Latency is of answered requests only; a request not answered within the load's timeout is counted apart, as the
 * unanswered share, so no ratio contains the timeout. The mitigation (CPU-heavy work on a bounded platform executor,
 * {@code virtual-offload}) is shown beside virtual.
 */
final class MixedLoadRule extends MeasuredRule {

    private static final Selection MIXED = Selection.of(Workload.MIXED);
    private static final Judge AS_PROMPTLY = new Judge.Beyond(Threshold.ABOUT_AS_PROMPT);
    static final Decision LIGHT = new Decision(KnownArms.VIRTUAL, KnownArms.CLASSIC, StepMetric.LIGHT_P99_MS, MIXED,
            AS_PROMPTLY);
    static final Decision FRESH = new Decision(KnownArms.VIRTUAL, KnownArms.CLASSIC, StepMetric.FRESH_P99_MS, MIXED,
            AS_PROMPTLY);
    private static final String OFFLOAD = KnownArms.VIRTUAL_OFFLOAD;

    MixedLoadRule() {
        super("Virtual threads serve light requests as promptly as platform threads under mixed CPU load.",
                "\"As promptly\" is the answered requests' p99 at most " + Threshold.ABOUT_AS_PROMPT.format()
                        .apply(Threshold.ABOUT_AS_PROMPT.confirmAt()) + " times classic's at each heavy share, for "
                        + "(a) light requests on established connections and (b) new connections; a step where "
                        + "virtual left more than " + Numbers.percent(Comparison.MAX_ERROR_SHARE) + " of a group's "
                        + "requests unanswered in every launch while classic did not is refuted whatever the answered "
                        + "ones' latency.",
                List.of(LIGHT, FRESH),
                List.of(LIGHT.of(OFFLOAD, KnownArms.CLASSIC), FRESH.of(OFFLOAD, KnownArms.CLASSIC),
                        LIGHT.of(OFFLOAD, KnownArms.VIRTUAL), FRESH.of(OFFLOAD, KnownArms.VIRTUAL),
                        new Decision(KnownArms.VIRTUAL, KnownArms.CLASSIC, StepMetric.LIGHT_P50_MS, MIXED,
                                AS_PROMPTLY),
                        new Decision(KnownArms.VIRTUAL, KnownArms.CLASSIC, StepMetric.FRESH_P50_MS, MIXED,
                                AS_PROMPTLY)));
    }

    /** A point where the numerator left requests unanswered in every launch and the denominator did not: refuted. */
    @Override
    List<Series> adjust(List<Series> series) {
        List<Series> adjusted = new ArrayList<>();
        for (Series s : series) {
            LoadGroup group = s.decision().metric().group().orElse(LoadGroup.MEASURED);
            List<PointVerdict> points = new ArrayList<>();
            for (PointVerdict p : s.points()) {
                points.add(unanswered(s, group, p));
            }
            adjusted.add(new Series(s.decision(), s.comparison(), points));
        }
        return adjusted;
    }

    private static PointVerdict unanswered(Series s, LoadGroup group, PointVerdict p) {
        List<ArmStep> numerator = s.comparison().at(s.decision().numerator(), p.point().step());
        List<ArmStep> denominator = s.comparison().at(s.decision().denominator(), p.point().step());
        List<Double> ns = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        for (int i = 0; i < numerator.size(); i++) {
            double n = numerator.get(i).unansweredShare(group);
            double d = denominator.get(i).unansweredShare(group);
            if (Double.isFinite(n) && Double.isFinite(d)) {
                ns.add(n);
                ds.add(d);
            }
        }
        double limit = Comparison.MAX_ERROR_SHARE;
        if (ns.size() < Comparison.MIN_LAUNCHES || !ns.stream().allMatch(v -> v > limit)
                || !ds.stream().allMatch(v -> v <= limit)) {
            return p;
        }
        return p.overruled(Verdict.REFUTED, s.decision().numerator() + " left " + share(ns) + " of its "
                + group.meaning() + " unanswered in every launch, " + s.decision().denominator() + " " + share(ds)
                + ": not as prompt, whatever the answered ones' latency");
    }

    private static String share(List<Double> shares) {
        return Figure.of(shares).range(Numbers::percent);
    }

    /** Each arm's unanswered shares and heavy work at each heavy share: what the latencies leave out. */
    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        List<String> notes = new ArrayList<>();
        for (ComparisonLaunches c : runs.operatingPoints().of(Workload.MIXED)) {
            for (OperatingPoint p : c.points()) {
                List<String> arms = new ArrayList<>();
                for (String arm : c.arms()) {
                    List<ArmStep> steps = c.at(arm, p.step());
                    arms.add(arm + ": unanswered " + median(steps, s -> s.unansweredShare(LoadGroup.MEASURED),
                            Numbers::percent) + " of light requests, " + median(steps,
                            s -> s.unansweredShare(LoadGroup.FRESH), Numbers::percent) + " of new connections; heavy "
                            + "group " + median(steps, s -> s.achievedRate(LoadGroup.HEAVY), Numbers::human)
                            + " req/s answered");
                }
                notes.add(c.label() + " " + p.text() + " (medians over launches) — " + String.join("; ", arms)
                        + ".");
            }
        }
        return notes;
    }

    private static String median(List<ArmStep> steps, ToDoubleFunction<ArmStep> figure,
                                 DoubleFunction<String> format) {
        List<Double> values = steps.stream().mapToDouble(figure).filter(Double::isFinite).boxed().toList();
        return values.isEmpty() ? "–" : format.apply(Figure.median(values));
    }
}
