package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.Workload;

/**
 * Claim 6, the Java question: do virtual threads make the pool unnecessary? They do if a virtual thread per
 * connection serves about as many requests as the pool on every workload where the pool was supposed to matter:
 * keep-alive, a new connection per request, and a slow downstream call.
 */
final class VirtualThreadsRule extends ClaimRule {

    static final Threshold ABOUT_AS_MANY = Threshold.atLeast(0.9);
    static final List<String> WORKLOADS = List.of(Workload.PLAINTEXT, Workload.PLAINTEXT_CLOSE, Workload.SLEEP);

    VirtualThreadsRule() {
        super(6, "(the Java question) Virtual threads make the pool unnecessary.");
    }

    @Override
    String rule() {
        return "virtual ÷ classic requests/s on " + String.join(", ", WORKLOADS) + ", repeat k paired with repeat k: "
                + "confirmed when " + ABOUT_AS_MANY.confirmText() + " in every pair of every one of those "
                + "workloads; refuted when " + ABOUT_AS_MANY.refuteText() + " in every pair of at least one; "
                + "otherwise (or when a workload is missing and none refutes) inconclusive. p99 latency virtual ÷ "
                + "classic, and virtual-pooled ÷ virtual requests/s (\"never pool virtual threads\"), are shown beside "
                + "it and do not decide.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = new ArrayList<>(List.of(ChartFiles.RELATIVE_THROUGHPUT));
        List<Figure> deciding = new ArrayList<>();
        List<Figure> context = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String w : WORKLOADS) {
            Figure e = ThroughputMultipleRule.requestsRatio(runs, w, KnownArms.VIRTUAL, KnownArms.CLASSIC, true);
            deciding.add(e);
            if (e.values().isEmpty()) {
                missing.add(w);
            }
            runs.points(w).forEach(p -> charts.add(ChartFiles.latency(p)));
            context.add(Figure.ratios("virtual ÷ classic p99 latency, " + w,
                    runs.pairedRatios(w, KnownArms.VIRTUAL, KnownArms.CLASSIC, Metric.P99_MS::of), false));
            context.add(ThroughputMultipleRule.requestsRatio(runs, w, KnownArms.VIRTUAL_POOLED, KnownArms.VIRTUAL,
                    false));
        }
        List<Figure> evidence = new ArrayList<>(deciding);
        evidence.addAll(context.stream().filter(e -> !e.values().isEmpty()).toList());

        List<String> refuting = deciding.stream().filter(e -> !e.values().isEmpty()
                && ABOUT_AS_MANY.verdict(e) == Verdict.REFUTED)
                .map(Figure::label).toList();
        Verdict verdict;
        String reason;
        if (!refuting.isEmpty()) {
            verdict = Verdict.REFUTED;
            reason = ABOUT_AS_MANY.refuteText() + " in every pair of: " + String.join("; ", refuting);
        } else if (!missing.isEmpty()) {
            return missing("no paired virtual and classic runs of " + String.join(", ", missing), evidence,
                    List.of(), charts);
        } else if (deciding.stream().allMatch(e -> ABOUT_AS_MANY.verdict(e) == Verdict.CONFIRMED)) {
            verdict = Verdict.CONFIRMED;
            reason = ABOUT_AS_MANY.confirmText() + " in every pair of every workload";
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reason = "some pairs are not " + ABOUT_AS_MANY.confirmText() + ", but no workload is below it in "
                    + "every pair";
        }
        return result(verdict, reason, evidence, List.of(), charts);
    }
}
