package poolbench.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;
import poolbench.report.run.Figure;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;
import poolbench.server.stats.StatsSnapshot;

/**
 * Workers and platform threads over the burst workload and the idle phase after it, from the server's stats
 * sampled once a second: a pool that reaps shows its workers falling after the load stops; a thread per connection
 * shows its threads ending with their connections.
 */
final class BurstTimelineChart {

    private BurstTimelineChart() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        if (!runs.workloads().contains(Workload.BURST)) {
            return List.of();
        }
        List<DrawnChart> drawn = new ArrayList<>();
        drawn.add(chart(runs, ChartFiles.BURST_WORKERS, "Workers alive through the burst and the idle phase",
                "workers alive", StatsSnapshot::workersAlive,
                "Workers the dispatcher had alive (virtual threads for the virtual arms), sampled each second of "
                        + "the first repeat; the dashed line is where the load stopped."));
        drawn.add(chart(runs, ChartFiles.BURST_THREADS, "Live platform threads through the burst and the idle phase",
                "live platform threads", StatsSnapshot::threadsLive,
                "Every live platform thread of the server JVM (JIT, GC and carrier threads included), sampled each "
                        + "second of the first repeat; the dashed line is where the load stopped."));
        return drawn;
    }

    private static DrawnChart chart(RunSet runs, String file, String title, String yTitle,
                                    ToLongFunction<StatsSnapshot> metric, String caption) throws IOException {
        XYChart chart = ChartStyle.xy(title, "seconds since the first sample", yTitle);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        List<Double> loadEnds = new ArrayList<>();
        double highest = 0;
        for (WorkloadPoint p : runs.points(Workload.BURST)) {
            for (String arm : runs.arms(p)) {
                List<RunRecord> ok = runs.ok(p, arm);
                if (ok.isEmpty()) {
                    continue;
                }
                RunRecord first = ok.get(0);
                List<StatsSnapshot> timeline = timeline(first);
                long t0 = timeline.get(0).epochMillis();
                double[] x = timeline.stream().mapToDouble(s -> (s.epochMillis() - t0) / 1000.0).toArray();
                double[] y = timeline.stream().mapToDouble(s -> metric.applyAsLong(s)).toArray();
                highest = Math.max(highest, Arrays.stream(y).max().orElse(0));
                String name = runs.connections(Workload.BURST).size() > 1 ? arm + " c" + p.connections() : arm;
                XYSeries s = chart.addSeries(name, x, y);
                s.setLineColor(ChartStyle.color(arm));
                s.setMarkerColor(ChartStyle.color(arm));
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setLineStyle(ChartStyle.LINE);
                loadEnds.add((first.after().epochMillis() - t0) / 1000.0);
            }
        }
        if (!loadEnds.isEmpty()) {
            double end = Figure.median(loadEnds);
            chart.getStyler().setAnnotationLineColor(Color.DARK_GRAY);
            chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            chart.addAnnotation(new AnnotationLine(end, true, false));
            // Above the highest point, so the label never sits on a line.
            chart.getStyler().setYAxisMax(highest * 1.12 + 1);
            chart.addAnnotation(new AnnotationText("← load    idle →", end, highest * 1.06 + 0.5, false));
        }
        ChartStyle.save(chart, runs.dir(), file);
        return new DrawnChart(file, title, caption);
    }

    /**
     * The snapshots before, during and after the window in time order: the samples alone miss the moments the
     * window opened and closed.
     */
    static List<StatsSnapshot> timeline(RunRecord r) {
        List<StatsSnapshot> all = new ArrayList<>(r.samples() == null ? List.of() : r.samples());
        for (StatsSnapshot s : new StatsSnapshot[] {r.before(), r.after(), r.end()}) {
            if (s != null && all.stream().noneMatch(o -> o.epochMillis() == s.epochMillis())) {
                all.add(s);
            }
        }
        all.sort(Comparator.comparingLong(StatsSnapshot::epochMillis));
        return all;
    }
}
