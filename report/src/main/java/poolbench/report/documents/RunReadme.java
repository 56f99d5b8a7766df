package poolbench.report.documents;

import poolbench.report.charts.JmhCharts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import poolbench.compare.SummaryTable;
import poolbench.compare.plan.Comparison;
import poolbench.compare.record.Environment;
import poolbench.compare.record.RunRecord;
import poolbench.report.charts.ChartFiles;
import poolbench.report.charts.ChartSet;
import poolbench.report.charts.DrawnChart;
import poolbench.report.claims.ClaimResult;
import poolbench.report.run.Figure;
import poolbench.report.run.JmhResult;
import poolbench.report.run.JmhResults;
import poolbench.report.run.Metric;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;

/**
 * A run's README.md: where and how it was measured, every figure per workload point with its spread over repeats,
 * the charts, the JMH results, and the claims' verdicts in one table.
 */
public final class RunReadme {

    public static final String FILE = "README.md";

    static final List<Metric> COLUMNS = List.of(Metric.REQUESTS_PER_SECOND, Metric.P50_MS, Metric.P99_MS,
            Metric.P999_MS, Metric.CPU_MICROS_PER_REQUEST, Metric.ALLOC_BYTES_PER_REQUEST, Metric.GC_PER_10K_REQUESTS,
            Metric.VOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST, Metric.INVOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST,
            Metric.THREADS_PEAK, Metric.WORKERS_PEAK, Metric.PEAK_RSS_MIB);

    private RunReadme() {
    }

    public static String render(RunSet runs, ChartSet charts, List<ClaimResult> claims) {
        Markdown md = new Markdown();
        md.heading(1, "poolbench run " + Markdown.code(runs.name()));
        md.paragraph("Verdicts on the article's claims: " + Markdown.link(ClaimsDocument.FILE, ClaimsDocument.FILE)
                + ". Raw records: " + Markdown.code(RunSet.RAW + "/") + " (one JSON per run, with its latency "
                + "histogram also as .hgrm); server logs: " + Markdown.code("logs/") + ". Every number below is "
                + "computed from those records by " + Markdown.code("./poolbench report") + ".");
        RunNotes.findings(runs.dir()).ifPresent(md::raw);
        if (runs.hasCompareRecords() && !runs.accounted()) {
            md.paragraph("**No CPU accounting:** these records were written before compare accounted for who had the "
                    + "CPUs, so nothing vouches that the server and the load had theirs; read the numbers as "
                    + "unverified.");
        }
        environment(md, runs);
        method(md, runs);
        claimsSummary(md, claims);
        ComparisonSection.render(md, runs, charts);
        results(md, runs, charts);
        SweepTable.render(md, runs);
        jmh(md, runs, charts);
        wrkTable(md, runs);
        return md.toString();
    }

    private static void environment(Markdown md, RunSet runs) {
        md.heading(2, "Environment");
        if (runs.environment().isEmpty()) {
            if (runs.jmh().environments().isEmpty()) {
                md.paragraph(RunSet.ENVIRONMENT + " is missing: the machine, JDK and flags of this run are unknown, so "
                        + "its numbers cannot be compared with another run's.");
            } else {
                md.paragraph(RunSet.ENVIRONMENT + " is missing (compare writes it); the JMH run recorded its own "
                        + "environment, under JMH below.");
            }
            return;
        }
        Environment e = runs.environment().get();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("date", e.date()));
        rows.add(List.of("host id", e.hostId()));
        rows.add(List.of("CPU", e.cpuModel() + ", " + e.cpus() + " CPUs available"));
        rows.add(List.of("kernel / OS", e.kernel() + " / " + e.os()));
        rows.add(List.of("JDK", e.jdkVendor() + " " + e.jdkVersion() + " (" + e.jvmName() + ")"));
        rows.add(List.of("server JVM flags", e.serverJvmFlags() == null ? "–"
                : Markdown.code(String.join(" ", e.serverJvmFlags()))));
        rows.add(List.of("pinning", e.pinning() == null ? "–" : e.pinning().note()));
        rows.add(List.of("git commit", Markdown.code(e.gitCommit())));
        rows.add(List.of("suite", e.suite()));
        rows.add(List.of("warm-up / measured window", duration(e.warmup()) + " / " + duration(e.duration())));
        rows.add(List.of("repeats", Integer.toString(e.repeats())));
        if (e.cpuQuota() != null) {
            rows.add(List.of("server CPU quota", e.cpuQuota().describe()));
        }
        Environment.Accounting a = e.accounting();
        if (a != null) {
            rows.add(List.of("CPU accounting", (a.perCpu() ? "server CPUs " + a.serverCpus() + ", load CPUs "
                    + a.loadCpus() : "unpinned: machine-wide figures, not per CPU") + "; clock tick 1/"
                    + a.clockTicksPerSecond() + " s; disturbed above " + Numbers.percent(a.othersThreshold())
                    + " others or steal, " + a.attempts() + " attempts, quiet wait ≤ "
                    + Numbers.human(a.quietWaitSeconds()) + " s; bottleneck at ≥ " + Numbers.percent(a.saturated())
                    + " utilization; warm-up until two 1-s rounds agree within " + Numbers.percent(a.steadyWithin())));
        }
        InterferenceSummary.describe(runs).ifPresent(line -> rows.add(List.of("what the machine did", line)));
        if (e.jvmSettings() != null && !e.jvmSettings().isEmpty()) {
            rows.add(List.of("heap × collector sweep", String.join(", ", e.jvmSettings()) + " for "
                    + String.join(", ", e.sweptArms())));
        }
        if (e.dbPoolSize() > 0) {
            rows.add(List.of("db pool size", e.dbPoolSize() + " (HikariCP)"));
        }
        if (e.skipped() != null) {
            e.skipped().forEach(line -> rows.add(List.of("skipped", line)));
        }
        md.table(List.of("", ""), rows);
    }

    private static void method(Markdown md, RunSet runs) {
        md.heading(2, "Method");
        if (!runs.hasCompareRecords() && runs.operatingPoints().isEmpty()) {
            md.paragraph("This run has no compare records (no " + Markdown.code(RunSet.RAW + "/") + "); only JMH "
                    + "results are reported below.");
            return;
        }
        Environment e = runs.environment().orElse(null);
        if (!runs.operatingPoints().isEmpty()) {
            comparisonMethod(md, e);
        }
        if (!runs.hasCompareRecords()) {
            return;
        }
        String modes = runs.all().stream().filter(RunRecord::ok).map(r -> r.load().mode()).distinct()
                .collect(Collectors.joining(", "));
        md.bullet("Every run is one arm × workload × connection count × repeat on a fresh server JVM"
                + (e == null || e.serverJvmFlags() == null ? "" : " started with "
                + Markdown.code(String.join(" ", e.serverJvmFlags())))
                + "; within each repeat the arms take turns, so a drift in the machine's speed spreads over all of "
                + "them instead of favouring whichever ran first.");
        md.bullet("Pinning: " + (e == null || e.pinning() == null ? "unknown (no environment.json)"
                : e.pinning().note()) + ".");
        md.bullet("Load: poolbench's load generator, " + (modes.isEmpty() ? "no successful run" : modes)
                + ", the workload's connection count kept busy; latency from the send of a request to its complete "
                + "response. Each run first gets " + (e == null ? "a warm-up" : duration(e.warmup()) + " of warm-up")
                + " on the same JVM, not recorded, then the measured window"
                + (e == null ? "" : " of " + duration(e.duration())) + "." + warmups(runs));
        md.bullet("Server figures are deltas of the server's own counters (its stats endpoint) between a snapshot "
                + "just before and one just after the measured window, divided by the requests the server answered "
                + "in it: CPU time of the whole process (GC and JIT included), heap bytes allocated by all threads "
                + "(ended and virtual ones included), collections, context switches of the live threads "
                + "(voluntary: a thread blocked; involuntary: the scheduler took its CPU; summed over "
                + "/proc/self/task, so threads that ended in the window are missing). Peaks of threads and workers are the largest seen "
                + "by a sampler once a second and at both ends; peak RSS is the process's VmHWM at the end. Workers "
                + "reaped count from the window's start to the end of the idle phase that follows the burst "
                + "workload.");
        if (runs.accounted()) {
            md.bullet("CPU accounting: over each measured window, /proc/stat per CPU and /proc/<pid>/stat for the "
                    + "server and the load (this JVM and its helper processes) give others' share of each side's "
                    + "CPUs, steal, and each side's utilization. Loopback irq and softirq time counts as the run's "
                    + "own (a busy neighbour shows as user or system time, never softirq). A run whose CPUs others "
                    + "(or steal) took more of than the threshold is retried; one still disturbed after its last "
                    + "attempt is listed under Disturbed runs and left out of every median, ratio and verdict. A run "
                    + "whose load CPUs were saturated is marked client-bound in the tables: it measured the client.");
        } else {
            md.bullet("CPU accounting: these records carry none (written before compare accounted for the CPUs), so "
                    + "nothing here shows whether another process had the CPUs during a run.");
        }
        md.bullet("Tables give the median over repeats and, where there are several, the range (min–max) across "
                + "them. Ratios between arms pair repeat k of one arm with repeat k of the other.");
    }

    /** How the comparisons measure: the CPU quota, interleaved windows, launches, and what a verdict reads. */
    private static void comparisonMethod(Markdown md, Environment e) {
        String quota = e == null || e.cpuQuota() == null ? "" : " Each server ran under a CPU quota of "
                + e.cpuQuota().describe() + ": what a container with a CPU limit gets; it leaves the load generator "
                + "headroom, so capacity is the server's. A quota's throttling can add up to one period minus the "
                + "quota to a request's latency.";
        md.bullet("Comparisons: every arm of a comparison runs at once, each in its own server JVM with the same "
                + "flags, warmed to steady state; in the first launch a bounded search finds each arm's capacity (the "
                + "highest offered rate it sustains: achieved ≥ 99% of offered, errors ≤ 1%, p99 under the "
                + "comparison's bound), and its weakest arm's capacity sets a ladder of offered rates that later "
                + "launches keep. Each round drives every arm at every step open-loop for one short window (a "
                + "lead-in first, not counted), in a new random order; a window whose CPUs others took is measured "
                + "again at the end of its round, and a round is also judged on the sum of its windows' ticks. The "
                + "waiting arms' CPU is accounted as a side of its own." + quota);
        md.bullet("Verdicts on the measured claims read the launches: an arm's figure at a step in a launch is its "
                + "total over that launch's counted windows there, the ratio of two arms is taken launch by launch, "
                + "and its 95% interval is a t-interval on the per-launch log-ratios (none from fewer than "
                + Comparison.MIN_LAUNCHES + " launches). See " + Markdown.link(ClaimsDocument.FILE,
                ClaimsDocument.FILE) + ".");
    }

    /** The warm-up the runs actually had: compare extends it until two one-second rounds agree within 5%. */
    static String warmups(RunSet runs) {
        Figure used = Figure.of(runs.all().stream().filter(r -> r.ok() && r.warmupMillis() > 0)
                .map(r -> r.warmupMillis() / 1000.0).toList());
        return used.empty() ? "" : " Warm-up continued in one-second rounds until two consecutive throughputs agreed "
                + "within 5%: the runs had " + used.range(Numbers::human) + " s of it (median, range).";
    }

    private static void claimsSummary(Markdown md, List<ClaimResult> claims) {
        md.heading(2, "The article's claims");
        ClaimTables.summary(md, claims, ClaimsDocument.FILE + "#", 3);
    }

    private static void results(Markdown md, RunSet runs, ChartSet charts) {
        if (!runs.hasCompareRecords()) {
            return;
        }
        md.heading(2, "Results per workload");
        md.paragraph("Single runs: one arm × workload × connection count × repeat on a fresh server JVM, closed loop."
                + (runs.operatingPoints().isEmpty() ? "" : " They show the demonstrations and context; the measured "
                + "claims are decided on the comparisons above."));
        for (String workload : runs.workloads()) {
            RunRecord first = runs.all().stream().filter(r -> r.workload().equals(workload)).findFirst().orElseThrow();
            md.heading(3, workload);
            md.paragraph("GET " + Markdown.code(first.path()) + ", " + (first.close() ? "a new connection per request"
                    + " (Connection: close)" : "keep-alive connections") + (first.pipeline() > 1 ? ", "
                    + first.pipeline() + " requests pipelined per connection" : "")
                    + (first.serverArgs() == null || first.serverArgs().isEmpty() ? ""
                    : "; server options " + Markdown.code(String.join(" ", first.serverArgs()))) + ".");
            String vsConnections = ChartFiles.throughputVsConnections(workload);
            if (charts.has(vsConnections)) {
                md.image("Requests/s vs connections, " + workload, vsConnections);
            }
            for (WorkloadPoint p : runs.points(workload)) {
                md.heading(4, p.label());
                table(md, runs, p);
                String latency = ChartFiles.latency(p);
                if (charts.has(latency)) {
                    md.image("Latency by percentile, " + p.label(), latency);
                }
            }
        }
        List<RunRecord> disturbed = runs.disturbed();
        if (!disturbed.isEmpty()) {
            md.heading(3, "Disturbed runs (left out)");
            md.paragraph("Others took more of these runs' CPUs than the threshold in every attempt; their figures are "
                    + "shown here and nowhere else.");
            md.table(List.of("run", "attempt", "others on server CPUs", "others on load CPUs", "steal",
                    "server CPU use", "load CPU use", "requests/s"), disturbed.stream().map(r -> List.of(
                    Markdown.code(r.id()), Integer.toString(r.interference().attempt()),
                    Numbers.percent(r.interference().serverCpusOthersShare()),
                    Numbers.percent(r.interference().loadCpusOthersShare()),
                    Numbers.percent(r.interference().stealShare()),
                    Numbers.percent(r.interference().serverCpuUtilization()),
                    Numbers.percent(r.interference().loadCpuUtilization()),
                    Numbers.human(r.load().requestsPerSecond()))).toList());
        }
        retried(md, runs);
        List<RunRecord> failed = runs.failed();
        if (!failed.isEmpty()) {
            md.heading(3, "Failed runs");
            failed.forEach(r -> md.bullet(Markdown.code(r.id()) + ": " + r.error() + " (see logs/" + r.id() + ".log)"));
        }
        md.heading(3, "Across workloads");
        for (DrawnChart c : charts.throughput()) {
            if (c.file().equals(ChartFiles.RELATIVE_THROUGHPUT)) {
                md.paragraph("**" + c.title() + ".** " + c.caption());
                md.image(c.title(), c.file());
            }
        }
        for (DrawnChart c : charts.cost()) {
            md.paragraph("**" + c.title() + ".** " + c.caption());
            md.image(c.title(), c.file());
        }
        if (!charts.burst().isEmpty()) {
            md.heading(3, "Threads and workers through the burst");
            for (DrawnChart c : charts.burst()) {
                md.paragraph("**" + c.title() + ".** " + c.caption());
                md.image(c.title(), c.file());
            }
        }
    }

    private static void table(Markdown md, RunSet runs, WorkloadPoint p) {
        List<String> arms = runs.arms(p);
        boolean any503 = arms.stream().flatMap(a -> runs.ok(p, a).stream())
                .anyMatch(r -> r.server().connectionsRejected() > 0);
        boolean anyLost = arms.stream().flatMap(a -> runs.ok(p, a).stream())
                .anyMatch(r -> r.load().errors().lostRequests() + r.load().errors().connect() > 0);
        List<String> header = new ArrayList<>(List.of("arm", "runs"));
        COLUMNS.forEach(m -> header.add(m.heading()));
        if (any503) {
            header.add("503s");
        }
        if (anyLost) {
            header.add("lost requests + failed connects");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String arm : arms) {
            List<RunRecord> ok = runs.ok(p, arm);
            int failed = runs.failedCount(p, arm);
            List<String> row = new ArrayList<>();
            row.add(arm);
            int disturbed = runs.disturbedCount(p, arm);
            int clientBound = runs.clientBoundCount(p, arm);
            String marks = SummaryTable.marks(failed, disturbed, clientBound);
            row.add(ok.size() + (marks.isEmpty() ? "" : " (" + marks + ")"));
            for (Metric m : COLUMNS) {
                row.add(runs.figure(p, arm, m).range(m::format));
            }
            if (any503) {
                row.add(Figure.of(ok.stream().map(r -> (double) r.server().connectionsRejected()).toList())
                        .range(Numbers::count));
            }
            if (anyLost) {
                row.add(Figure.of(ok.stream().map(r -> (double) (r.load().errors().lostRequests()
                        + r.load().errors().connect())).toList()).range(Numbers::count));
            }
            rows.add(row);
        }
        md.table(header, rows);
    }

    /** The wrk table of the same machine, run right after compare, as the script printed it. */
    private static void wrkTable(Markdown md, RunSet runs) {
        RunNotes.wrkTable(runs.dir()).ifPresent(table -> {
            md.heading(2, "wrk table");
            md.paragraph("Debian's wrk against every server, interleaved over rounds, from "
                    + Markdown.code("references/bench/wrk-table.sh") + " right after this run on the same machine; its "
                    + "first line says when, at which commit and how. It is a second, independent client (C, one "
                    + "thread, no per-request allocation): where compare's runs are client-bound, it shows the same "
                    + "servers under a client of another make. "
                    + "The file: " + Markdown.link(RunNotes.WRK_TABLE, RunNotes.WRK_TABLE) + ".");
            md.codeBlock(table);
        });
    }

    /** The runs that needed a second attempt: at most a few may, and a reader should be able to count them. */
    private static void retried(Markdown md, RunSet runs) {
        if (!runs.accounted()) {
            return;
        }
        List<RunRecord> retried = runs.retried();
        md.heading(3, "Runs that needed another attempt");
        if (retried.isEmpty()) {
            md.paragraph("None: every one of the " + Numbers.count(runs.recordCount()) + " records was clean at its "
                    + "first attempt.");
            return;
        }
        md.paragraph(Numbers.count(retried.size()) + " of " + Numbers.count(runs.recordCount()) + " records ("
                + Numbers.percent(retried.size() / (double) runs.recordCount()) + ") were disturbed at first and "
                + "clean at a later attempt; they count like the others. The shares are the counted attempt's.");
        md.table(List.of("run", "attempt", "others on server CPUs", "others on load CPUs", "steal"),
                retried.stream().map(r -> List.of(Markdown.code(r.id()), Integer.toString(r.interference().attempt()),
                        Numbers.percent(r.interference().serverCpusOthersShare()),
                        Numbers.percent(r.interference().loadCpusOthersShare()),
                        Numbers.percent(r.interference().stealShare()))).toList());
    }

    private static void jmh(Markdown md, RunSet runs, ChartSet charts) {
        md.heading(2, "JMH");
        JmhResults jmh = runs.jmh();
        if (jmh.isEmpty()) {
            md.paragraph("No JMH results in this run (no " + Markdown.code(JmhResults.DIRECTORY + "/*.json") + "); "
                    + Markdown.code("./poolbench jmh --suite quick") + " writes them into the run directory.");
            jmh.unreadable().forEach(u -> md.bullet("not read: " + u));
            return;
        }
        jmh.environments().forEach((file, text) -> {
            md.paragraph("Environment of the JMH run (" + Markdown.code(JmhResults.DIRECTORY + "/" + file) + "):");
            md.paragraph("```\n" + text + "\n```");
        });
        for (DrawnChart c : charts.jmh()) {
            md.paragraph("**" + c.title() + ".** " + c.caption());
            md.image(c.title(), c.file());
        }
        List<String> leftOut = JmhCharts.leftOut(jmh);
        if (!leftOut.isEmpty()) {
            md.paragraph("Left out of the charts, because JMH's error on them is over "
                    + Numbers.percent(JmhResult.MAX_CHARTED_ERROR) + " of the score (or JMH gave none), so a bar "
                    + "would be read as a figure they are not; their scores are in the table below:");
            leftOut.forEach(md::bullet);
        }
        List<List<String>> rows = jmh.results().stream().map(r -> List.of(r.className() + "." + r.method(),
                r.paramsText().isEmpty() ? "–" : r.paramsText(), r.mode(), Integer.toString(r.threads()),
                Numbers.human(r.score()) + (Double.isFinite(r.scoreError()) ? " ± " + Numbers.human(r.scoreError())
                        : ""), errorCell(r), r.scoreUnit(), Numbers.human(r.allocBytesPerOp()))).toList();
        long imprecise = jmh.results().stream().filter(JmhResult::imprecise).count();
        md.paragraph("Every JMH result (score ± JMH's 99.9% confidence half-width; B/op is "
                + Markdown.code("gc.alloc.rate.norm") + " from " + Markdown.code("-prof gc") + "). "
                + (imprecise == 0 ? "Every error is at most " + Numbers.percent(JmhResult.MAX_RELATIVE_ERROR)
                + " of its score."
                : "**" + imprecise + " of " + jmh.results().size() + " scores have an error over "
                + Numbers.percent(JmhResult.MAX_RELATIVE_ERROR) + " of the score** (marked): those cannot be read on "
                + "their own; see the limits in benchmarks/README.md."));
        md.table(List.of("benchmark", "params", "mode", "threads", "score", "error", "unit", "alloc B/op"), rows);
        jmh.unreadable().forEach(u -> md.bullet("not read: " + u));
    }

    /** The error as a share of the score, marked when it is over the limit. */
    static String errorCell(JmhResult r) {
        double e = r.relativeError();
        if (!Double.isFinite(e)) {
            return "–";
        }
        return r.imprecise() ? "**±" + Numbers.percent(e) + " > " + Numbers.percent(JmhResult.MAX_RELATIVE_ERROR)
                + "**" : "±" + Numbers.percent(e);
    }

    /** "PT0.3S" → "0.3 s", "PT8S" → "8 s": how environment.json writes durations, made readable. */
    static String duration(String iso) {
        if (iso == null) {
            return "–";
        }
        try {
            Duration d = Duration.parse(iso);
            double seconds = d.toMillis() / 1000.0;
            return (seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f", seconds)
                    : String.format(Locale.ROOT, "%s", seconds)) + " s";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
