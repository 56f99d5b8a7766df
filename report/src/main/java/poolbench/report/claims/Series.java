package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Numbers;
import poolbench.report.run.OperatingPoint;

/**
 * One decision on one comparison: a verdict at every step of its ladder, in the ladder's order (the offered rate
 * rising). Connection counts, heaps and collectors are separate comparisons, so separate series: never pooled.
 *
 * @param decision   what is asked
 * @param comparison of which comparison
 * @param points     one verdict per step
 */
public record Series(Decision decision, ComparisonLaunches comparison, List<PointVerdict> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** "per-connection ÷ classic server CPU µs per request, plaintext-close, 64 connections". */
    public String label() {
        return decision.label() + ", " + comparison.label();
    }

    /**
     * Confirmed when every point confirms, refuted when every point refutes, depending on the load when some points
     * confirm and others refute; otherwise inconclusive.
     */
    public Verdict verdict() {
        boolean confirmed = points.stream().anyMatch(p -> p.verdict() == Verdict.CONFIRMED);
        boolean refuted = points.stream().anyMatch(p -> p.verdict() == Verdict.REFUTED);
        if (points.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        if (points.stream().allMatch(p -> p.verdict() == Verdict.CONFIRMED)) {
            return Verdict.CONFIRMED;
        }
        if (points.stream().allMatch(p -> p.verdict() == Verdict.REFUTED)) {
            return Verdict.REFUTED;
        }
        return confirmed && refuted ? Verdict.DEPENDS : Verdict.INCONCLUSIVE;
    }

    /** "3.10× / 3.02× / 2.95× at 1,000 / 2,000 / 3,200 req/s". */
    String summary() {
        List<String> means = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (PointVerdict p : points) {
            means.add(Numbers.ratio(p.geometricMean()));
            where.add(p.point().mixed() ? Numbers.percent(p.point().fraction()) : Numbers.human(p.point().rate()));
        }
        String unit = !points.isEmpty() && points.get(0).point().mixed() ? " heavy share" : " req/s";
        return label() + ": " + String.join(" / ", means) + " at " + String.join(" / ", where) + unit;
    }

    /**
     * Where the answer turns, for a series whose points disagree: between the last point of one verdict and the first
     * of the other, at about the rate where the geometric mean crosses the boundary (interpolated on a log scale of
     * the ratio, linearly in the rate); or, when it turns more than once, every point's verdict in order.
     */
    String crossover() {
        List<PointVerdict> decided = points.stream().filter(p -> p.verdict() == Verdict.CONFIRMED
                || p.verdict() == Verdict.REFUTED).toList();
        int turns = 0;
        int at = -1;
        for (int i = 1; i < decided.size(); i++) {
            if (decided.get(i).verdict() != decided.get(i - 1).verdict()) {
                turns++;
                at = i;
            }
        }
        if (turns != 1) {
            return label() + ": " + String.join(", ", points.stream().map(p -> p.verdict().word() + " "
                    + p.point().text()).toList());
        }
        PointVerdict below = decided.get(at - 1);
        PointVerdict above = decided.get(at);
        double x1 = x(below.point());
        double x2 = x(above.point());
        double g1 = Math.log(below.geometricMean());
        double g2 = Math.log(above.geometricMean());
        double boundary = Math.log(decision.judge().boundary(below.geometricMean()));
        String about = "";
        if (Double.isFinite(boundary) && g1 != g2) {
            double t = (boundary - g1) / (g2 - g1);
            if (t >= 0 && t <= 1) {
                double x = x1 + t * (x2 - x1);
                about = " about " + (below.point().mixed() ? Numbers.percent(x) + " heavy share" : Numbers.human(x)
                        + " req/s") + ",";
            }
        }
        return label() + ": " + below.verdict().word() + " below" + about + " " + above.verdict().word()
                + " above (it turns between " + below.point().shortText() + " and " + above.point().shortText()
                + ")";
    }

    private static double x(OperatingPoint p) {
        return p.mixed() ? p.fraction() : p.rate();
    }
}
