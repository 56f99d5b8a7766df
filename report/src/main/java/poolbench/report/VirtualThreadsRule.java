package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;

/**
 * Claim 6, the Java question: do virtual threads make the pool unnecessary? They do if a virtual thread per
 * connection serves about as many requests as the pool on every workload where the pool was supposed to matter:
 * keep-alive, a new connection per request, and a slow downstream call.
 * <p>
 * On keep-alive and on a new connection per request the server is CPU-bound, and on a two-core machine the load
 * generator's one CPU saturates first (the run is client-bound): requests/s then measures the client, so those two
 * are decided by requests per server CPU-second, the server's capacity on its own CPU. On sleep the server waits, its
 * CPU is nearly idle, and requests/s decide.
 */
final class VirtualThreadsRule extends ClaimRule {

    static final Threshold ABOUT_AS_MANY = Threshold.atLeast(0.9);
    static final List<String> WORKLOADS = List.of(Workload.PLAINTEXT, Workload.PLAINTEXT_CLOSE, Workload.SLEEP);

    /** The figure that decides a workload: see the class comment. */
    static Metric decidingMetric(String workload) {
        return workload.equals(Workload.SLEEP) ? Metric.REQUESTS_PER_SECOND : Metric.REQUESTS_PER_CPU_SECOND;
    }

    VirtualThreadsRule() {
        super(6, "(the Java question) Virtual threads make the pool unnecessary.");
    }

    @Override
    String rule() {
        return "virtual ÷ classic requests per server CPU-second on " + Workload.PLAINTEXT + " and "
                + Workload.PLAINTEXT_CLOSE + " (CPU-bound: the server's capacity on its own CPU, which a client-bound "
                + "run's requests/s cannot show), requests/s on " + Workload.SLEEP + " (the server waits), repeat k "
                + "paired with repeat k: "
                + "each workload is judged by the 95% interval of the geometric mean of its pairs (bootstrap over pairs, "
                + "widened by the run's A/A noise): confirmed when every workload's interval is wholly "
                + ABOUT_AS_MANY.confirmText() + "; refuted when at least one workload's is wholly "
                + ABOUT_AS_MANY.refuteText() + "; "
                + "otherwise (or when a workload is missing and none refutes) inconclusive. Requests/s and p99 latency "
                + "virtual ÷ classic, and virtual-pooled ÷ virtual requests/s (\"never pool virtual threads\"), are "
                + "shown beside it and do not decide.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = new ArrayList<>(List.of(ChartFiles.RELATIVE_THROUGHPUT));
        List<Figure> deciding = new ArrayList<>();
        List<Figure> context = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String w : WORKLOADS) {
            Metric metric = decidingMetric(w);
            Figure e = runs.ratio(KnownArms.VIRTUAL + " ÷ " + KnownArms.CLASSIC + " " + metric.heading() + ", " + w,
                    w, KnownArms.VIRTUAL, KnownArms.CLASSIC, metric, true);
            deciding.add(e);
            if (metric != Metric.REQUESTS_PER_SECOND) {
                context.add(ThroughputMultipleRule.requestsRatio(runs, w, KnownArms.VIRTUAL, KnownArms.CLASSIC,
                        false));
            }
            if (e.values().isEmpty()) {
                missing.add(w);
            }
            runs.points(w).forEach(p -> charts.add(ChartFiles.latency(p)));
            context.add(runs.ratio("virtual ÷ classic p99 latency, " + w, w, KnownArms.VIRTUAL, KnownArms.CLASSIC,
                    Metric.P99_MS, false));
            context.add(ThroughputMultipleRule.requestsRatio(runs, w, KnownArms.VIRTUAL_POOLED, KnownArms.VIRTUAL,
                    false));
        }
        List<Figure> evidence = new ArrayList<>(deciding);
        evidence.addAll(context.stream().filter(e -> !e.values().isEmpty()).toList());

        List<String> refuting = deciding.stream().filter(e -> !e.values().isEmpty()
                && ABOUT_AS_MANY.verdict(e, Per.PAIR) == Verdict.REFUTED)
                .map(e -> e.label() + " (" + e.interval().text(e.format()) + ")").toList();
        Verdict verdict;
        String reason;
        if (!refuting.isEmpty()) {
            verdict = Verdict.REFUTED;
            reason = "the whole 95% interval is " + ABOUT_AS_MANY.refuteText() + " on: " + String.join("; ", refuting);
        } else if (!missing.isEmpty()) {
            return missing("no paired virtual and classic runs of " + String.join(", ", missing)
                    + " (a pair with a client-bound run is left out of a requests/s ratio: its requests/s are the client's)",
                    evidence,
                    List.of(), charts);
        } else if (deciding.stream().allMatch(e -> ABOUT_AS_MANY.verdict(e, Per.PAIR) == Verdict.CONFIRMED)) {
            verdict = Verdict.CONFIRMED;
            reason = "every workload's whole 95% interval is " + ABOUT_AS_MANY.confirmText();
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reason = "an interval straddles " + ABOUT_AS_MANY.format().apply(ABOUT_AS_MANY.confirmAt()) + ", and no workload's is wholly below it: "
                    + String.join("; ", deciding.stream().map(e -> e.label() + " " + e.interval().text(e.format()))
                    .toList());
        }
        return result(verdict, reason, evidence, List.of(), charts);
    }
}
