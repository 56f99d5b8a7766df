package poolbench.report.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import poolbench.report.run.Figure;
import poolbench.report.run.Metric;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;

/**
 * What each request costs the server, per arm at every workload point: heap bytes allocated (the GC's work) and
 * CPU time (every thread of the process, GC and JIT included).
 */
final class CostCharts {

    private CostCharts() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        List<DrawnChart> drawn = new ArrayList<>();
        perArm(runs, Metric.ALLOC_BYTES_PER_REQUEST, ChartFiles.ALLOC_PER_REQUEST,
                "Heap allocated per request (median of repeats)", "bytes allocated per request", "#,###",
                "Bytes every thread of the server allocated in the measured window ÷ requests served; per-connection "
                        + "threads and buffers show up here on Connection: close.").ifPresent(drawn::add);
        perArm(runs, Metric.CPU_MICROS_PER_REQUEST, ChartFiles.CPU_PER_REQUEST,
                "CPU time per request (median of repeats)", "CPU µs per request", "#,##0.#",
                "Process CPU time (all threads, GC and JIT included) in the measured window ÷ requests served: "
                        + "the inverse of efficiency.").ifPresent(drawn::add);
        return drawn;
    }

    private static Optional<DrawnChart> perArm(RunSet runs, Metric metric, String file, String title, String yTitle,
                                               String pattern, String caption) throws IOException {
        List<WorkloadPoint> points = runs.points();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.category(title, "workload, connections", yTitle);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisMin(0.0);
        List<String> categories = points.stream().map(p -> p.workload() + " c" + p.connections()).toList();
        double tallest = 0;
        for (String arm : runs.arms()) {
            List<Double> values = new ArrayList<>();
            for (WorkloadPoint p : points) {
                Figure s = runs.figure(p, arm, metric);
                values.add(s.empty() ? null : s.median());
                tallest = Math.max(tallest, s.empty() ? 0 : s.median());
            }
            CategorySeries bars = chart.addSeries(arm, categories, values);
            bars.setFillColor(ChartStyle.color(arm));
        }
        ChartStyle.valueLabels(chart, pattern, tallest);
        ChartStyle.save(chart, runs.dir(), file);
        return Optional.of(new DrawnChart(file, title, caption));
    }
}
