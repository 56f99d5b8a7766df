package poolbench.report.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import poolbench.compare.record.RunRecord;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Metric;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;

/**
 * Requests per second: against the connection count for workloads run at several counts, and relative to classic
 * for every workload point, so that arms can be compared across workloads whose absolute rates differ a
 * thousandfold.
 */
final class ThroughputCharts {

    private static final String RATIO_PATTERN = "0.00";

    private ThroughputCharts() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        List<DrawnChart> drawn = new ArrayList<>();
        for (String workload : runs.workloads()) {
            if (runs.connections(workload).size() > 1) {
                drawn.add(versusConnections(runs, workload));
            }
        }
        if (runs.arms().contains(KnownArms.CLASSIC) && runs.arms().size() > 1) {
            relativeToClassic(runs).ifPresent(drawn::add);
        }
        return drawn;
    }

    /**
     * Connection counts are evenly spaced categories (they grow geometrically: 16, 64, 256), the median of the
     * repeats is the line, and every repeat is a dot of the same colour, so the spread is seen, not summarised.
     */
    static DrawnChart versusConnections(RunSet runs, String workload) throws IOException {
        CategoryChart chart = ChartStyle.category("Requests/s vs connections: " + workload, "connections",
                "requests/s");
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        List<WorkloadPoint> points = runs.points(workload);
        List<String> categories = points.stream().map(p -> Integer.toString(p.connections())).toList();
        for (String arm : runs.arms()) {
            List<Double> medians = new ArrayList<>();
            int maxRepeats = 0;
            for (WorkloadPoint p : points) {
                Figure s = runs.figure(p, arm, Metric.REQUESTS_PER_SECOND);
                medians.add(s.empty() ? null : s.median());
                maxRepeats = Math.max(maxRepeats, runs.ok(p, arm).size());
            }
            if (medians.stream().allMatch(m -> m == null)) {
                continue;
            }
            CategorySeries line = chart.addSeries(arm, categories, medians);
            line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            line.setLineColor(ChartStyle.color(arm));
            line.setMarkerColor(ChartStyle.color(arm));
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineStyle(ChartStyle.LINE);
            if (maxRepeats > 1) {
                for (int i = 0; i < maxRepeats; i++) {
                    List<Double> repeatValues = new ArrayList<>();
                    for (WorkloadPoint p : points) {
                        List<RunRecord> ok = runs.ok(p, arm);
                        repeatValues.add(i < ok.size() ? Metric.REQUESTS_PER_SECOND.of(ok.get(i)) : null);
                    }
                    CategorySeries dots = chart.addSeries(arm + " repeat " + (i + 1), categories, repeatValues);
                    dots.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                    dots.setMarker(SeriesMarkers.DIAMOND);
                    dots.setMarkerColor(ChartStyle.color(arm));
                    dots.setShowInLegend(false);
                }
            }
        }
        String file = ChartFiles.throughputVsConnections(workload);
        ChartStyle.save(chart, runs.dir(), file);
        return new DrawnChart(file, "Requests/s vs connections, " + workload,
                "Lines join the medians of the repeats; small diamonds are the single repeats.");
    }

    static Optional<DrawnChart> relativeToClassic(RunSet runs) throws IOException {
        CategoryChart chart = ChartStyle.category("Requests/s relative to classic (median of per-repeat ratios)",
                "workload, connections", "requests/s ÷ classic's");
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisMin(0.0);
        List<WorkloadPoint> points = runs.points().stream()
                .filter(p -> !runs.figure(p, KnownArms.CLASSIC, Metric.REQUESTS_PER_SECOND).empty()).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = points.stream().map(p -> p.workload() + " c" + p.connections()).toList();
        double tallest = 0;
        for (String arm : runs.arms()) {
            List<Double> values = new ArrayList<>();
            for (WorkloadPoint p : points) {
                Figure s = Figure.of(runs.pairedRatios(p, arm, KnownArms.CLASSIC, Metric.REQUESTS_PER_SECOND));
                values.add(s.empty() ? null : s.median());
                tallest = Math.max(tallest, s.empty() ? 0 : s.median());
            }
            CategorySeries bars = chart.addSeries(arm, categories, values);
            bars.setFillColor(ChartStyle.color(arm));
        }
        ChartStyle.valueLabels(chart, RATIO_PATTERN, tallest);
        AnnotationLine parity = new AnnotationLine(1.0, false, false);
        chart.addAnnotation(parity);
        ChartStyle.save(chart, runs.dir(), ChartFiles.RELATIVE_THROUGHPUT);
        return Optional.of(new DrawnChart(ChartFiles.RELATIVE_THROUGHPUT,
                "Requests/s relative to classic, every workload",
                "Each bar is the median over repeats of an arm's requests/s ÷ classic's in the same repeat, at the same "
                        + "workload and connection count (the table in CLAIMS.md gives the range); the line at 1 is "
                        + "parity, and a missing bar is an arm that did not run there."));
    }
}
