package poolbench.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;
import poolbench.report.charts.JmhCharts;
import poolbench.report.run.Figure;
import poolbench.report.run.JmhResult;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Metric;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;

/**
 * What the records show beyond the article's claims: every arm against classic on every workload, where the cost of
 * a new connection goes, the JDK's own pool against the port, and the JMH suites' answers. Sentences are built from
 * the numbers; where the numbers are missing the finding says so instead.
 */
final class Findings {

    private static final String LOOPBACK = "LoopbackBenchmark";

    private Findings() {
    }

    static void render(Markdown md, RunSet runs) {
        relativeToClassic(md, runs, Metric.REQUESTS_PER_SECOND, "Requests/s of every arm ÷ classic's");
        relativeToClassic(md, runs, Metric.P99_MS, "p99 latency of every arm ÷ classic's (below 1 is faster)");
        connectionCost(md, runs);
        SocketTimeoutCost.render(md, runs);
        jdkPool(md, runs);
        handOff(md, runs);
        loopback(md, runs);
        workerOrder(md, runs);
    }

    /** One row per workload point, one column per arm: the paired ratio's median and range. */
    static void relativeToClassic(Markdown md, RunSet runs, Metric metric, String title) {
        md.heading(3, title);
        List<String> others = runs.arms().stream().filter(a -> !a.equals(KnownArms.CLASSIC)).toList();
        if (!runs.arms().contains(KnownArms.CLASSIC) || others.isEmpty()) {
            md.paragraph("Needs classic and at least one other arm; this run has " + runs.arms() + ".");
            return;
        }
        List<String> header = new ArrayList<>(List.of("workload, connections"));
        header.addAll(others);
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadPoint p : runs.points()) {
            List<String> row = new ArrayList<>(List.of(p.label()));
            for (String arm : others) {
                List<Double> ratios = runs.pairedRatios(p, arm, KnownArms.CLASSIC, metric);
                row.add(Figure.of(ratios).range(Numbers::ratio));
            }
            rows.add(row);
        }
        md.paragraph("Median of the per-repeat ratios, with their range when there are several repeats.");
        md.table(header, rows);
    }

    /**
     * CPU and heap per request, from cheapest to dearest: a keep-alive request on classic is the request itself; a
     * request on its own connection adds the connection (accept, socket, close); a thread per connection adds the
     * thread; per-connection buffers on classic add the buffers alone. Medians over every connection count and repeat
     * of each.
     */
    static void connectionCost(Markdown md, RunSet runs) {
        md.heading(3, "Where the cost of a new connection goes");
        Optional<Double> keepAliveCpu = median(runs.ok(Workload.PLAINTEXT, KnownArms.CLASSIC),
                Metric.CPU_MICROS_PER_REQUEST);
        Optional<Double> closeCpu = median(runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC),
                Metric.CPU_MICROS_PER_REQUEST);
        Optional<Double> threadCpu = median(runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION),
                Metric.CPU_MICROS_PER_REQUEST);
        if (keepAliveCpu.isEmpty() || closeCpu.isEmpty()) {
            md.paragraph("Needs plaintext and plaintext-close runs of classic; this run lacks "
                    + (keepAliveCpu.isEmpty() ? "plaintext" : "plaintext-close") + ".");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(costRow("classic, keep-alive", "the request: read, parse, respond, write", runs,
                runs.ok(Workload.PLAINTEXT, KnownArms.CLASSIC), Optional.empty()));
        rows.add(costRow("classic, Connection: close", "+ a connection: accept, socket, close", runs,
                runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC),
                Optional.of(runs.ok(Workload.PLAINTEXT, KnownArms.CLASSIC))));
        List<RunRecord> buffers = runs.closeWithConnectionBuffers(KnownArms.CLASSIC);
        if (!buffers.isEmpty()) {
            rows.add(costRow("classic, Connection: close, --buffers connection", "+ buffers per connection", runs,
                    buffers, Optional.of(runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC))));
        }
        if (threadCpu.isPresent()) {
            rows.add(costRow("per-connection, Connection: close", "+ a platform thread per connection"
                            + (buffers.isEmpty() ? " (and its buffers)" : ""), runs,
                    runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION),
                    Optional.of(buffers.isEmpty() ? runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC) : buffers)));
        }
        md.paragraph("Medians over every connection count and repeat; each row's \"added\" columns are its median "
                + "minus the row it builds on.");
        md.table(List.of("arm, workload", "what it adds", "CPU µs/request", "added CPU µs", "alloc B/request",
                "added B"), rows);
        List<String> sentences = new ArrayList<>();
        double connection = closeCpu.get() - keepAliveCpu.get();
        sentences.add(String.format(Locale.ROOT, "On classic a request on its own connection costs %s µs of CPU more "
                        + "than one on a kept-alive connection (%s×).", Numbers.human(connection),
                Numbers.plain(closeCpu.get() / keepAliveCpu.get())));
        threadCpu.ifPresent(t -> sentences.add(String.format(Locale.ROOT, "A platform thread per connection%s adds "
                + "%s µs per request on top of that: %.0f%% of per-connection's CPU per request on Connection: close.",
                buffers.isEmpty() ? " (with its buffers)" : "", Numbers.human(t - closeCpu.get()),
                100 * (t - closeCpu.get()) / t)));
        runs.jmh().of("ThreadStartBenchmark").stream().filter(r -> r.method().equals("platformThread"))
                .filter(r -> Double.isFinite(r.microsPerOp())).findFirst().ifPresent(r -> sentences.add(
                        "JMH's start-and-join of an empty platform thread takes " + Numbers.human(r.microsPerOp())
                                + " µs on its own."));
        runs.jmh().of("ParseBenchmark").stream().filter(r -> r.method().equals("workerOwnedBuffers")
                        && r.param("request").equals("PLAINTEXT") && Double.isFinite(r.microsPerOp())).findFirst()
                .ifPresent(r -> sentences.add("Parsing and answering the plaintext request alone (JMH, no socket) "
                        + "takes " + Numbers.human(r.microsPerOp()) + " µs, against "
                        + Numbers.human(keepAliveCpu.get())
                        + " µs of process CPU per keep-alive request on classic."));
        md.paragraph(String.join(" ", sentences));
    }

    private static List<String> costRow(String label, String adds, RunSet runs, List<RunRecord> these,
                                        Optional<List<RunRecord>> base) {
        Optional<Double> cpu = median(these, Metric.CPU_MICROS_PER_REQUEST);
        Optional<Double> alloc = median(these, Metric.ALLOC_BYTES_PER_REQUEST);
        String addedCpu = base.flatMap(b -> median(b, Metric.CPU_MICROS_PER_REQUEST))
                .flatMap(b -> cpu.map(c -> Numbers.human(c - b))).orElse("–");
        String addedAlloc = base.flatMap(b -> median(b, Metric.ALLOC_BYTES_PER_REQUEST))
                .flatMap(b -> alloc.map(a -> Numbers.human(a - b))).orElse("–");
        return List.of(label, adds, cpu.map(Numbers::human).orElse("–"), addedCpu,
                alloc.map(Numbers::human).orElse("–"), addedAlloc);
    }

    private static Optional<Double> median(List<RunRecord> runs, Metric metric) {
        return runs.isEmpty() ? Optional.empty() : Optional.of(Figure.median(runs.stream().map(metric::of).toList()));
    }

    /** The port against what a Java user would reach for first. */
    static void jdkPool(Markdown md, RunSet runs) {
        md.heading(3, "The JDK's ThreadPoolExecutor against the fasthttp port");
        List<Double> medians = new ArrayList<>();
        String best = null;
        String worst = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        double worstValue = Double.POSITIVE_INFINITY;
        for (WorkloadPoint p : runs.points()) {
            Figure s = Figure.of(runs.pairedRatios(p, KnownArms.JDK_POOL, KnownArms.CLASSIC, Metric.REQUESTS_PER_SECOND));
            if (s.empty()) {
                continue;
            }
            medians.add(s.median());
            if (s.median() > bestValue) {
                bestValue = s.median();
                best = p.label();
            }
            if (s.median() < worstValue) {
                worstValue = s.median();
                worst = p.label();
            }
        }
        if (medians.isEmpty()) {
            md.paragraph("Needs paired jdk-pool and classic runs; this run has none.");
            return;
        }
        md.paragraph("jdk-pool ÷ classic requests/s, median per workload point: from " + Numbers.ratio(worstValue)
                + " (" + worst + ") to " + Numbers.ratio(bestValue) + " (" + best + "), median "
                + Numbers.ratio(Figure.median(medians)) + " over " + medians.size() + " workload points.");
    }

    /** The hand-off suite: every target's time over the classic pool's, per submitter count. */
    static void handOff(Markdown md, RunSet runs) {
        md.heading(3, "Hand-off cost by mechanism (JMH)");
        Optional<String> mode = runs.jmh().firstMode(JmhCharts.HAND_OFF, JmhCharts.TIME_MODES);
        if (mode.isEmpty()) {
            md.paragraph("The JMH hand-off suite is not in this run.");
            return;
        }
        List<JmhResult> rows = runs.jmh().of(JmhCharts.HAND_OFF, mode.get());
        List<List<String>> table = new ArrayList<>();
        for (JmhResult r : rows) {
            Optional<JmhResult> pool = rows.stream().filter(x -> x.method().equals(r.method())
                    && x.param("target").equals("CLASSIC_POOL")).findFirst();
            table.add(List.of(r.param("target"), r.method(), Numbers.human(r.microsPerOp()),
                    pool.map(p -> Numbers.ratio(r.microsPerOp() / p.microsPerOp())).orElse("–"),
                    Numbers.human(r.allocBytesPerOp())));
        }
        md.table(List.of("target", "benchmark", "µs per hand-off", "÷ CLASSIC_POOL", "alloc B/op"), table);
    }

    /** One request over loopback per arm, on a kept-alive connection and on a new one, against classic's. */
    static void loopback(Markdown md, RunSet runs) {
        md.heading(3, "One request over loopback, per arm (JMH)");
        Optional<String> mode = runs.jmh().firstMode(LOOPBACK, JmhCharts.TIME_MODES);
        if (mode.isEmpty()) {
            md.paragraph("The JMH loopback suite is not in this run.");
            return;
        }
        List<JmhResult> rows = runs.jmh().of(LOOPBACK, mode.get());
        List<List<String>> table = new ArrayList<>();
        for (JmhResult r : rows) {
            Optional<JmhResult> classic = rows.stream().filter(x -> x.method().equals(r.method())
                    && x.param("arm").equals(KnownArms.CLASSIC)).findFirst();
            table.add(List.of(r.param("arm"), r.method(), Numbers.human(r.microsPerOp()),
                    classic.map(c -> Numbers.ratio(r.microsPerOp() / c.microsPerOp())).orElse("–"),
                    Numbers.human(r.allocBytesPerOp())));
        }
        md.table(List.of("arm", "benchmark", "µs per request", "÷ classic", "alloc B/op (client and server)"), table);
    }

    /** LIFO against FIFO: whether the ready stack's order pays, and whether JMH can tell them apart. */
    static void workerOrder(Markdown md, RunSet runs) {
        md.heading(3, "LIFO vs FIFO worker order (JMH)");
        Optional<String> mode = runs.jmh().firstMode(JmhCharts.WORKER_ORDER, JmhCharts.TIME_MODES);
        if (mode.isEmpty()) {
            md.paragraph("The JMH worker-order suite is not in this run.");
            return;
        }
        List<JmhResult> rows = runs.jmh().of(JmhCharts.WORKER_ORDER, mode.get());
        List<List<String>> table = new ArrayList<>();
        for (JmhResult lifo : rows) {
            if (!lifo.param("order").equals("LIFO")) {
                continue;
            }
            rows.stream().filter(f -> f.param("order").equals("FIFO") && sameParamsBut(f, lifo, "order")).findFirst()
                    .ifPresent(fifo -> {
                        double gap = Math.abs(fifo.microsPerOp() - lifo.microsPerOp());
                        double errors = finite(fifo.microsPerOpError()) + finite(lifo.microsPerOpError());
                        String otherParams = lifo.params().entrySet().stream().filter(e -> !e.getKey().equals("order"))
                                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("–");
                        table.add(List.of(otherParams, Numbers.human(lifo.microsPerOp()),
                                Numbers.human(fifo.microsPerOp()), Numbers.ratio(fifo.microsPerOp()
                                        / lifo.microsPerOp()), gap <= errors ? "no (within JMH's error)" : "yes"));
                    });
        }
        md.table(List.of("params", "LIFO µs/op", "FIFO µs/op", "FIFO ÷ LIFO", "distinguishable"), table);
    }

    private static boolean sameParamsBut(JmhResult a, JmhResult b, String except) {
        return a.method().equals(b.method()) && a.params().entrySet().stream()
                .filter(e -> !e.getKey().equals(except)).allMatch(e -> e.getValue().equals(b.param(e.getKey())));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
