package poolbench.report.claims;

import java.util.List;

import poolbench.report.run.Interval;
import poolbench.report.run.LaunchRatio;
import poolbench.report.run.OperatingPoint;

/**
 * The verdict at one operating point: the ratio over launches, the comparison's A/A ratio of the same figure at the
 * same point, the interval the verdict was read from, and why.
 *
 * @param point   where: the step and its offered rate
 * @param effect  the ratio the rule asks about, launch by launch
 * @param aa      the A/A ratio at the same point; null when the comparison has no A/A arm
 * @param verdict this point's verdict
 * @param judged  the interval the verdict was read from (the own interval widened by the A/A reach)
 * @param reason  the judge's sentence
 * @param gaps    the launches where one of the two arms had no figure, and why (e.g. not sustained)
 */
public record PointVerdict(OperatingPoint point, LaunchRatio effect, LaunchRatio aa, Verdict verdict, Interval judged,
                    String reason, List<String> gaps) {

    public PointVerdict {
        gaps = List.copyOf(gaps);
    }

    public double geometricMean() {
        return effect.geometricMean();
    }

    /** The same point with another verdict, for a rule that can refute on what the ratio does not hold. */
    PointVerdict overruled(Verdict v, String why) {
        return new PointVerdict(point, effect, aa, v, judged, why, gaps);
    }
}
