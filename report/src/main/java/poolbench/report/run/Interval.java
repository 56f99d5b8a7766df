package poolbench.report.run;

import java.util.function.DoubleFunction;

/**
 * The lower and upper end of a 95% interval of a ratio; empty (both ends not a number) when there is none, e.g. from
 * fewer launches than an interval needs.
 */
public record Interval(double low, double high) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean empty() {
        return !Double.isFinite(low) || !Double.isFinite(high);
    }

    /** "2.31×–2.80×", or "none" when empty. */
    public String text(DoubleFunction<String> format) {
        return empty() ? "none" : format.apply(low) + "–" + format.apply(high);
    }

    /**
     * How far the interval reaches from 1 on a log scale, the larger of its two ends: an A/A interval of
     * 0.91×–1.05× reaches ln(1 / 0.91). A ratio widened by it covers what the A/A pair could not tell from 1.
     */
    public double logReach() {
        return empty() ? Double.NaN : Math.max(Math.abs(Math.log(low)), Math.abs(Math.log(high)));
    }

    /** The same reach as a share: 0.10 for an A/A interval reaching from 0.91× to 1.10×. */
    public double reachShare() {
        return Math.expm1(logReach());
    }

    /** Both ends moved outwards by {@code logReach} on a log scale (multiplied by e^±reach). */
    public Interval widened(double logReach) {
        if (empty() || !(logReach >= 0)) {
            return this;
        }
        return new Interval(low * Math.exp(-logReach), high * Math.exp(logReach));
    }

    /** Wholly inside [{@code from}, {@code to}]. */
    public boolean within(double from, double to) {
        return !empty() && low >= from && high <= to;
    }
}
