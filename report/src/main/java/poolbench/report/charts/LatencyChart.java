package poolbench.report.charts;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import poolbench.compare.record.RunRecord;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;

/**
 * The whole latency distribution of each arm at one workload point, HdrHistogram's way: percentile on an axis of
 * 1/(1 − p), so that 90%, 99%, 99.9% and 99.99% are equally far apart and the tail, where thread starts and GC
 * pauses show, gets as much room as the median.
 */
final class LatencyChart {

    /** Points per halving of the remaining tail: smooth enough, and small files. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyChart() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        List<DrawnChart> drawn = new ArrayList<>();
        for (WorkloadPoint p : runs.points()) {
            XYChart chart = ChartStyle.xy("Latency by percentile: " + p.label(), "percentile",
                    "latency, ms (log scale)");
            // XChart's log axis ignores a tick formatter, so x is log10(1/(1 − p)) on a linear axis whose ticks,
            // spaced wide enough to fall on whole decades, are labelled as percentiles (0%, 90%, 99%, 99.9%, ...).
            chart.getStyler().setxAxisTickLabelsFormattingFunction(LatencyChart::percentileLabel);
            chart.getStyler().setXAxisTickMarkSpacingHint(160);
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setYAxisLogarithmic(true);
            double xMax = 2;
            boolean any = false;
            for (String arm : runs.arms(p)) {
                List<RunRecord> ok = runs.ok(p, arm);
                if (ok.isEmpty()) {
                    continue;
                }
                Histogram merged = merge(ok);
                if (merged.getTotalCount() == 0) {
                    continue;
                }
                double[][] xy = spectrum(merged);
                xMax = Math.max(xMax, Math.ceil(xy[0][xy[0].length - 1]));
                XYSeries s = chart.addSeries(arm, xy[0], xy[1]);
                s.setLineColor(ChartStyle.color(arm));
                s.setLineStyle(ChartStyle.LINE);
                s.setMarker(SeriesMarkers.NONE);
                any = true;
            }
            if (!any) {
                continue;
            }
            chart.getStyler().setXAxisMax(xMax);
            String file = ChartFiles.latency(p);
            ChartStyle.save(chart, runs.dir(), file);
            drawn.add(new DrawnChart(file, "Latency by percentile, " + p.label(),
                    "All repeats of an arm pooled into one histogram. Read across at a percentile: the lower line "
                            + "is the faster arm there; the right end is the worst requests."));
        }
        return drawn;
    }

    /** The repeats' histograms added together (the same load, run again: one distribution). */
    static Histogram merge(List<RunRecord> runs) {
        Histogram first = runs.get(0).load().latency().decodeHistogram();
        Histogram merged = new Histogram(first.getNumberOfSignificantValueDigits());
        for (RunRecord r : runs) {
            merged.add(r.load().latency().decodeHistogram());
        }
        return merged;
    }

    /**
     * x = log10(1/(1 − p)) for each percentile HdrHistogram iterates to (100% itself is infinitely far right and is
     * left out; the iteration's last point below it is the tail's end), y = the latency there in ms.
     */
    static double[][] spectrum(Histogram h) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            if (p >= 1.0) {
                break;
            }
            points.add(new double[] {Math.log10(1 / (1 - p)), Math.max(v.getValueIteratedTo(), 1) / 1e6});
        }
        if (points.isEmpty()) {
            points.add(new double[] {0, h.getMaxValue() / 1e6});
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /**
     * The percentile at {@code decades} = log10(1/(1 − p)): 0 → "0%", 1 → "90%", 2 → "99%", 3 → "99.9%", and between
     * decades as many digits as tell the ticks apart (0.5 → "68.4%"). Every label must differ: XChart's tick layout
     * never finishes when two are equal.
     */
    static String percentileLabel(double decades) {
        if (Math.abs(decades) < 1e-9) {
            return "0%";
        }
        // Ticks left of 0 are laid out but not drawn; they get their (negative) value so that they too differ.
        double p = 100 * (1 - Math.pow(10, -decades));
        int digits = Math.max(1, (int) Math.floor(decades + 1e-9));
        return new BigDecimal(p).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
