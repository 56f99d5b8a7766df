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
 * inverting a throughput's error is not its time's error. A score whose error is over
 * {@link JmhResult#MAX_CHARTED_ERROR} of it is left out of its chart and named by {@link #leftOut}.
 */
public final class JmhCharts {

    public static final String HAND_OFF = "HandOffBenchmark";
    static final String THREAD_START = "ThreadStartBenchmark";
    public static final String WORKER_ORDER = "WorkerOrderBenchmark";
    /** SampleTime's mean is the same quantity as AverageTime's; either gives time per op. */
    public static final List<String> TIME_MODES = List.of("avgt", "sample");

    /** One chart: a benchmark class's scores in its time mode, grouped by category, one bar colour per series. */
    private record Spec(String className, String file, String title, Function<JmhResult, String> category,
                        Function<JmhResult, String> series, String caption) {

        /** The rows this chart is drawn from, charted or not; empty when the run lacks the class. */
        List<JmhResult> rows(JmhResults jmh) {
            return jmh.firstMode(className, TIME_MODES).map(m -> jmh.of(className, m)).orElse(List.of());
        }
    }

    private static final List<Spec> CHARTS = List.of(
            new Spec(HAND_OFF, ChartFiles.JMH_HAND_OFF, "Hand-off to another thread and back (JMH)",
                    r -> r.param("target"), JmhResult::method,
                    "One op submits an empty task and waits until it has run: the price of moving a connection off "
                            + "the accept thread. Error bars: JMH's 99.9% confidence interval."),
            new Spec(THREAD_START, ChartFiles.JMH_THREAD_START, "Start a thread and join it (JMH)",
                    JmhResult::method, r -> "start + join",
                    "What a thread per connection pays before it serves a byte. Error bars: JMH's 99.9% confidence "
                            + "interval."),
            new Spec(WORKER_ORDER, ChartFiles.JMH_WORKER_ORDER, "Burst of jobs on a pool: LIFO vs FIFO (JMH)",
                    r -> "jobs=" + r.param("jobs") + ", " + r.param("stateKiB") + " KiB/worker", r -> r.param("order"),
                    "Each op hands a burst of jobs to a pool of idle workers that each touch their own state; LIFO "
                            + "reuses the most recently used (cache-warm) worker. Error bars: JMH's 99.9% confidence "
                            + "interval."));

    private JmhCharts() {
    }

    static List<DrawnChart> draw(RunSet runs) throws IOException {
        List<DrawnChart> drawn = new ArrayList<>();
        for (Spec spec : CHARTS) {
            bars(runs, spec).ifPresent(drawn::add);
        }
        return drawn;
    }

    /** Every score a chart leaves out, with why: "HandOffBenchmark.oneSubmitter, target=CLASSIC_POOL: ±21% > 15%". */
    public static List<String> leftOut(JmhResults jmh) {
        List<String> out = new ArrayList<>();
        for (Spec spec : CHARTS) {
            for (JmhResult r : spec.rows(jmh)) {
                r.notCharted().ifPresent(why -> out.add(r.className() + "." + r.method()
                        + (r.paramsText().isEmpty() ? "" : ", " + r.paramsText()) + " (" + r.mode() + "): " + why));
            }
        }
        return out;
    }

    private static Optional<DrawnChart> bars(RunSet runs, Spec spec) throws IOException {
        List<JmhResult> all = spec.rows(runs.jmh());
        List<JmhResult> rows = all.stream().filter(r -> r.notCharted().isEmpty()).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.category(spec.title(), "", "µs per op (lower is better)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        // In the order of every row, so that a left-out score does not reorder the bars that remain.
        List<String> categories = inOrder(all, rows, spec.category());
        List<String> seriesNames = inOrder(all, rows, spec.series());
        if (categories.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        for (int i = 0; i < seriesNames.size(); i++) {
            String name = seriesNames.get(i);
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String c : categories) {
                Optional<JmhResult> r = rows.stream().filter(x -> spec.category().apply(x).equals(c)
                        && spec.series().apply(x).equals(name)).findFirst();
                // A left-out score is an empty slot: XChart draws no bar for NaN (a null breaks its error-bar range).
                values.add(r.map(JmhResult::microsPerOp).orElse(Double.NaN));
                errors.add(r.map(JmhResult::microsPerOpError).filter(Double::isFinite)
                        .orElse(r.isPresent() ? 0.0 : Double.NaN));
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
        ChartStyle.save(chart, runs.dir(), spec.file());
        String mode = rows.getFirst().mode();
        int leftOut = all.size() - rows.size();
        return Optional.of(new DrawnChart(spec.file(), spec.title() + " (" + mode + " mode)", spec.caption()
                + (leftOut == 0 ? "" : " " + leftOut + " of " + all.size() + " scores are left out: JMH could not "
                + "pin them down to " + Numbers.percent(JmhResult.MAX_CHARTED_ERROR) + " (they are listed below "
                + "the charts).")));
    }

    /** The distinct keys of {@code charted}, in the order they first appear in {@code all}. */
    private static List<String> inOrder(List<JmhResult> all, List<JmhResult> charted,
                                        Function<JmhResult, String> key) {
        List<String> present = charted.stream().map(key).distinct().toList();
        return all.stream().map(key).distinct().filter(present::contains).toList();
    }
}
