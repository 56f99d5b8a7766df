package poolbench.report.charts;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import poolbench.report.run.JmhResult;
import poolbench.report.run.JmhResults;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;

/**
 * The JMH suites' answers as bars with JMH's 99.9% confidence interval as error bars: what a hand-off to another
 * thread costs, what starting a thread costs, and whether LIFO order beats FIFO. Times are shown per operation (µs),
 * the way the costs are reasoned about; a class run only in throughput mode is left out rather than inverted, since
 * inverting a throughput's error is not its time's error.
 */
public final class JmhCharts {

    public static final String HAND_OFF = "HandOffBenchmark";
    static final String THREAD_START = "ThreadStartBenchmark";
    public static final String WORKER_ORDER = "WorkerOrderBenchmark";
    /** SampleTime's mean is the same quantity as AverageTime's; either gives time per op. */
    public static final List<String> TIME_MODES = List.of("avgt", "sample");

    private JmhCharts() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        JmhResults jmh = runs.jmh();
        List<DrawnChart> drawn = new ArrayList<>();
        bars(runs, jmh, HAND_OFF, ChartFiles.JMH_HAND_OFF, "Hand-off to another thread and back (JMH)",
                r -> r.param("target"), JmhResult::method,
                "One op submits an empty task and waits until it has run: the price of moving a connection off the "
                        + "accept thread. Error bars: JMH's 99.9% confidence interval.").ifPresent(drawn::add);
        bars(runs, jmh, THREAD_START, ChartFiles.JMH_THREAD_START, "Start a thread and join it (JMH)",
                JmhResult::method, r -> "start + join",
                "What a thread per connection pays before it serves a byte. Error bars: JMH's 99.9% confidence "
                        + "interval.").ifPresent(drawn::add);
        bars(runs, jmh, WORKER_ORDER, ChartFiles.JMH_WORKER_ORDER, "Burst of jobs on a pool: LIFO vs FIFO (JMH)",
                r -> "jobs=" + r.param("jobs") + ", " + r.param("stateKiB") + " KiB/worker", r -> r.param("order"),
                "Each op hands a burst of jobs to a pool of idle workers that each touch their own state; LIFO "
                        + "reuses the most recently used (cache-warm) worker. Error bars: JMH's 99.9% confidence "
                        + "interval.").ifPresent(drawn::add);
        return drawn;
    }

    private static Optional<DrawnChart> bars(RunSet runs, JmhResults jmh, String className, String file, String title,
                                             Function<JmhResult, String> category,
                                             Function<JmhResult, String> series, String caption) throws IOException {
        Optional<String> mode = jmh.firstMode(className, TIME_MODES);
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        List<JmhResult> rows = jmh.of(className, mode.get());
        CategoryChart chart = ChartStyle.category(title, "", "µs per op (lower is better)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        List<String> categories = rows.stream().map(category).distinct().toList();
        List<String> seriesNames = rows.stream().map(series).distinct().toList();
        if (categories.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        for (int i = 0; i < seriesNames.size(); i++) {
            String name = seriesNames.get(i);
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String c : categories) {
                Optional<JmhResult> r = rows.stream().filter(x -> category.apply(x).equals(c)
                        && series.apply(x).equals(name)).findFirst();
                values.add(r.map(JmhResult::microsPerOp).orElse(null));
                errors.add(r.map(JmhResult::microsPerOpError).filter(Double::isFinite).orElse(0.0));
                // With one series there is room to print the score under its bar; error bars would cross a label on it.
                labels.add(seriesNames.size() == 1 && r.isPresent()
                        ? c + ": " + Numbers.human(r.get().microsPerOp()) + " µs" : c);
            }
            CategorySeries s = chart.addSeries(name, labels, values, errors);
            s.setFillColor(ChartStyle.SERIES_COLORS[i % ChartStyle.SERIES_COLORS.length]);
        }
        if (seriesNames.size() == 1) {
            chart.getStyler().setLegendVisible(false);
        }
        ChartStyle.save(chart, runs.dir(), file);
        boolean loose = rows.stream().anyMatch(r -> r.microsPerOpError() > r.microsPerOp());
        return Optional.of(new DrawnChart(file, title + " (" + mode.get() + " mode)", caption + (loose
                ? " Some error bars are longer than their bars: JMH could not pin those scores down (too few "
                + "iterations, or a busy machine), so read them as orders of magnitude only." : "")));
    }
}
