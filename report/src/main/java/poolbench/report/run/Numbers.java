package poolbench.report.run;

import java.util.Locale;

/** How numbers are written in reports: as many digits as the measurement can carry, never more. */
public final class Numbers {

    private Numbers() {
    }

    /** 12,345 / 123 / 12.3 / 1.23 / 0.123; "n/a" for a value that could not be computed (e.g. 0 ÷ 0). */
    public static String human(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A count, or the median of counts: 12,345, or 12.5 when the median fell between two. */
    public static String count(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /** "the one pair" / "all 3 pairs": how many values a verdict rests on. */
    public static String all(int n, String noun) {
        return n == 1 ? "the one " + noun : "all " + n + " " + noun + "s";
    }

    /** A ratio: "2.31×"; "n/a" when its denominator was zero. */
    public static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f×", v) : "n/a";
    }

    /** A share as a percentage: 0.38 → "38%", 0.033 → "3.3%", 0 → "0%". */
    public static String percent(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double p = 100 * v;
        if (p == 0) {
            return "0%";
        }
        return String.format(Locale.ROOT, Math.abs(p) >= 10 ? "%.0f%%" : "%.1f%%", p);
    }

    /** A ratio without the sign, for thresholds printed in rules. */
    public static String plain(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
