package poolbench.report.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import poolbench.report.run.ArmStep;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.LoadGroup;
import poolbench.report.run.OperatingPoint;
import poolbench.report.run.RunSet;

/**
 * What users of wrk2 and Hyperfoil look for: per comparison, latency against the offered rate, p50 and p99, one
 * colour per arm; and the server's CPU per request against the offered rate, where cost at equal load is read. Each
 * point is the median over launches of the launch's figure at that step; a step an arm did not sustain in any launch
 * has no point. On the mixed workload the x axis is the heavy group's share of the server's CPU, and the latency is
 * the light requests' on established connections.
 */
final class RateCharts {

    private RateCharts() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        List<DrawnChart> drawn = new ArrayList<>();
        for (ComparisonLaunches c : runs.operatingPoints().all()) {
            if (c.steps() == 0) {
                continue;
            }
            latency(runs, c, drawn);
            if (!c.mixed()) {
                cpu(runs, c, drawn);
            }
        }
        return drawn;
    }

    private static String xTitle(ComparisonLaunches c) {
        return c.mixed() ? "heavy group's share of the server's CPU, %" : "offered rate, requests/s";
    }

    private static void latency(RunSet runs, ComparisonLaunches c, List<DrawnChart> drawn) throws IOException {
        XYChart chart = ChartStyle.xy("Latency against offered rate: " + c.label(), xTitle(c),
                (c.mixed() ? "light requests' " : "") + "latency, ms (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        boolean any = false;
        for (String arm : c.arms()) {
            any |= line(chart, c, arm, arm + " p99", s -> s.percentileMs(LoadGroup.MEASURED, 99), ChartStyle.LINE);
            any |= line(chart, c, arm, arm + " p50", s -> s.percentileMs(LoadGroup.MEASURED, 50), ChartStyle.DASHED);
        }
        if (!any) {
            return;
        }
        String file = ChartFiles.latencyVsRate(c.id());
        ChartStyle.save(chart, runs.dir(), file);
        drawn.add(new DrawnChart(file, "Latency against offered rate, " + c.label(), "p99 (solid) and p50 (dashed) "
                + "of each arm at each step, the median over launches, from the intended send time: a line that "
                + "turns up is an arm nearing its capacity. A missing point is a step the arm did not sustain."));
    }

    private static void cpu(RunSet runs, ComparisonLaunches c, List<DrawnChart> drawn) throws IOException {
        XYChart chart = ChartStyle.xy("Server CPU per request against offered rate: " + c.label(), xTitle(c),
                "CPU µs per request");
        chart.getStyler().setYAxisMin(0.0);
        boolean any = false;
        for (String arm : c.arms()) {
            any |= line(chart, c, arm, arm, ArmStep::cpuMicrosPerRequest, ChartStyle.LINE);
        }
        if (!any) {
            return;
        }
        String file = ChartFiles.cpuVsRate(c.id());
        ChartStyle.save(chart, runs.dir(), file);
        drawn.add(new DrawnChart(file, "Server CPU per request against offered rate, " + c.label(), "Each arm's "
                + "process CPU time ÷ requests served at each step, the median over launches: cost at equal load. "
                + "Per-request cost falls as the rate rises even for the same code, so arms are compared at the "
                + "same x."));
    }

    /** Adds {@code arm}'s line of {@code figure}; false when it has no point. */
    private static boolean line(XYChart chart, ComparisonLaunches c, String arm, String name,
                                ToDoubleFunction<ArmStep> figure, java.awt.BasicStroke stroke) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (OperatingPoint p : c.points()) {
            List<Double> values = c.at(arm, p.step()).stream().mapToDouble(figure).filter(v -> Double.isFinite(v)
                    && v > 0).boxed().toList();
            if (!values.isEmpty()) {
                xs.add(p.mixed() ? 100 * p.fraction() : p.rate());
                ys.add(Figure.median(values));
            }
        }
        if (xs.isEmpty()) {
            return false;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setLineColor(ChartStyle.color(arm));
        s.setMarkerColor(ChartStyle.color(arm));
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.CIRCLE);
        return true;
    }
}
