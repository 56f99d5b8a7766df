package poolbench.report.claims;

import poolbench.compare.plan.Comparison;
import poolbench.report.run.Interval;
import poolbench.report.run.LaunchRatio;
import poolbench.report.run.Numbers;

/**
 * How a ratio between two arms at one operating point is judged, with the comparison's A/A ratio at the same point:
 * a rule prints {@link #method()} and {@link #thresholdText()} and the verdict comes from {@link #judge}, so the
 * two cannot drift apart.
 */
sealed interface Judge permits Judge.Beyond, Judge.WithinNoise {

    /** How a step is judged, the same for every question judged this way: one sentence of the rule. */
    String method();

    /** This judge's threshold in the rule's words: "confirmed when ≥ 2.00, refuted when wholly < 2.00". */
    String thresholdText();

    /**
     * The verdict at one point.
     *
     * @param effect the ratio the rule asks about, launch by launch
     * @param aa     the A/A ratio (classic-aa ÷ classic) of the same figure at the same point; null when the
     *               comparison has no A/A arm
     */
    PointJudgement judge(LaunchRatio effect, LaunchRatio aa);

    /** The ratio at which the verdict turns, for placing a crossover; not a number when there is no single one. */
    double boundary(double geometricMean);

    /** A point's verdict, the interval it was read from, and why, in a sentence. */
    record PointJudgement(Verdict verdict, Interval judged, String reason) {
    }

    /**
     * The effect must clear a threshold by more than the noise: the 95% interval over launches, widened on both sides
     * by how far the A/A interval reaches from 1 (on a log scale), must lie wholly on one side of the threshold.
     */
    record Beyond(Threshold threshold) implements Judge {

        @Override
        public String method() {
            return "A step is judged on the whole 95% interval of the ratio over launches (a t-interval on the "
                    + "per-launch log-ratios; none from fewer than " + Comparison.MIN_LAUNCHES
                    + " launches), widened on both sides by how far the comparison's A/A interval (classic-aa ÷ "
                    + "classic, same figure, same step) reaches from 1, or not widened where a comparison has no A/A "
                    + "arm; it is inconclusive when that interval straddles the threshold.";
        }

        @Override
        public String thresholdText() {
            return "confirmed when " + threshold.confirmText() + ", refuted when wholly " + threshold.refuteText();
        }

        @Override
        public PointJudgement judge(LaunchRatio effect, LaunchRatio aa) {
            Interval own = effect.interval();
            if (own.empty()) {
                return new PointJudgement(Verdict.INCONCLUSIVE, Interval.NONE, noInterval(effect));
            }
            Interval judged = own;
            String widening = "this comparison has no A/A arm, so it is not widened";
            if (aa != null) {
                Interval aaInterval = aa.interval();
                if (aaInterval.empty()) {
                    return new PointJudgement(Verdict.INCONCLUSIVE, Interval.NONE, "no A/A interval at this step ("
                            + aa.launches() + " launches in which classic-aa and classic both had a value)");
                }
                judged = own.widened(aaInterval.logReach());
                widening = "the own interval " + own.text(Numbers::ratio) + " widened by the A/A reach ±"
                        + Numbers.percent(aaInterval.reachShare());
            }
            Verdict v = threshold.verdict(judged);
            String where = switch (v) {
                case CONFIRMED -> "is wholly " + threshold.confirmText();
                case REFUTED -> "is wholly " + threshold.refuteText();
                default -> "straddles " + threshold.boundaryText();
            };
            return new PointJudgement(v, judged, judged.text(Numbers::ratio) + " (" + widening + ") " + where);
        }

        @Override
        public double boundary(double geometricMean) {
            return threshold.confirmAt() == threshold.refuteAt() ? threshold.confirmAt() : Double.NaN;
        }
    }

    /**
     * The arms are the same within what the threshold asks about: the widened interval (as in {@link Beyond}) must
     * lie within [1 ÷ tolerance, tolerance] to confirm, and wholly outside it to refute. The A/A interval itself must
     * be narrower than that: when the noise is wider than the effect asked about, nothing can be told apart, and the
     * point is inconclusive.
     */
    record WithinNoise(double tolerance) implements Judge {

        @Override
        public String method() {
            return "A step is inconclusive when the comparison's A/A interval there (classic-aa ÷ classic, same "
                    + "figure) reaches further from 1 than the tolerance: the noise is then wider than the effect "
                    + "asked about. Otherwise the arm's 95% interval over launches (a t-interval on the per-launch "
                    + "log-ratios; none from fewer than " + Comparison.MIN_LAUNCHES + " launches), "
                    + "widened on both sides by the A/A reach, confirms when it lies wholly within the tolerance and "
                    + "refutes when it lies wholly outside it.";
        }

        @Override
        public String thresholdText() {
            return "within ±" + Numbers.percent(tolerance - 1) + " (" + Numbers.ratio(1 / tolerance) + "–"
                    + Numbers.ratio(tolerance) + ")";
        }

        @Override
        public PointJudgement judge(LaunchRatio effect, LaunchRatio aa) {
            if (aa == null) {
                return new PointJudgement(Verdict.INCONCLUSIVE, Interval.NONE, "this comparison has no A/A arm, and "
                        + "within-noise needs one");
            }
            Interval aaInterval = aa.interval();
            if (aaInterval.empty()) {
                return new PointJudgement(Verdict.INCONCLUSIVE, Interval.NONE, "no A/A interval at this step ("
                        + aa.launches() + " launches in which classic-aa and classic both had a value)");
            }
            if (aaInterval.logReach() > Math.log(tolerance)) {
                return new PointJudgement(Verdict.INCONCLUSIVE, Interval.NONE, "the A/A interval "
                        + aaInterval.text(Numbers::ratio) + " reaches ±" + Numbers.percent(aaInterval.reachShare())
                        + ", wider than the ±" + Numbers.percent(tolerance - 1) + " asked about");
            }
            Interval own = effect.interval();
            if (own.empty()) {
                return new PointJudgement(Verdict.INCONCLUSIVE, Interval.NONE, noInterval(effect));
            }
            Interval judged = own.widened(aaInterval.logReach());
            String text = judged.text(Numbers::ratio) + " (the own interval " + own.text(Numbers::ratio)
                    + " widened by the A/A reach ±" + Numbers.percent(aaInterval.reachShare()) + ")";
            if (judged.within(1 / tolerance, tolerance)) {
                return new PointJudgement(Verdict.CONFIRMED, judged, text + " lies within "
                        + Numbers.ratio(1 / tolerance) + "–" + Numbers.ratio(tolerance));
            }
            if (judged.low() > tolerance || judged.high() < 1 / tolerance) {
                return new PointJudgement(Verdict.REFUTED, judged, text + " lies wholly outside "
                        + Numbers.ratio(1 / tolerance) + "–" + Numbers.ratio(tolerance));
            }
            return new PointJudgement(Verdict.INCONCLUSIVE, judged, text + " straddles the edge of "
                    + Numbers.ratio(1 / tolerance) + "–" + Numbers.ratio(tolerance));
        }

        @Override
        public double boundary(double geometricMean) {
            return geometricMean >= 1 ? tolerance : 1 / tolerance;
        }
    }

    /** Why a ratio has no interval: no launch with both, or too few. */
    private static String noInterval(LaunchRatio effect) {
        int n = effect.launches();
        return n == 0 ? "no launch in which both arms had a value at this step"
                : "only " + n + (n == 1 ? " launch" : " launches") + " in which both arms had a value: no interval "
                + "from fewer than " + Comparison.MIN_LAUNCHES;
    }
}
