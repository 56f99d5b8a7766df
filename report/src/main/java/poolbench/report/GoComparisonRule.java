package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;

/**
 * Claim 7: the article's own comparison, fasthttp against net/http, measured on the same load as the Java arms, and
 * whether Java's pool against its thread per connection gives the same answer workload by workload.
 */
final class GoComparisonRule extends ClaimRule {

    GoComparisonRule() {
        super(7, "(the article's own comparison) fasthttp's worker pool makes it many times more efficient than "
                + "net/http's goroutine per connection.");
    }

    @Override
    String rule() {
        return "claim 1's rule on the Go arms: go-fasthttp ÷ go-nethttp requests per server CPU-second (the Go "
                + "process's own CPU time over the measured window: on plaintext-close compare's one load CPU "
                + "saturates before the server's, so requests/s would measure the client) on plaintext-close, repeat k "
                + "paired with repeat k: " + ThroughputMultipleRule.MANY_TIMES.rule(Per.PAIR) + ". For every workload both Go arms ran, the Go ratio is shown "
                + "beside classic ÷ per-connection; Java gives the same answer on a workload when both geometric means are on "
                + "the same side of " + ThroughputMultipleRule.MANY_TIMES.format().apply(ThroughputMultipleRule.MANY_TIMES.confirmAt())
                + ".";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = List.of(ChartFiles.RELATIVE_THROUGHPUT);
        if (!runs.arms().contains(KnownArms.GO_FASTHTTP) || !runs.arms().contains(KnownArms.GO_NETHTTP)) {
            return missing("the Go arms were not in this run (" + KnownArms.GO_FASTHTTP + " and "
                            + KnownArms.GO_NETHTTP + " need records); compare's full suite includes them where Go is "
                            + "installed, or name them: ./poolbench compare --arms classic,per-connection,"
                            + KnownArms.GO_FASTHTTP + "," + KnownArms.GO_NETHTTP,
                    List.of(), List.of(), charts);
        }
        ClaimResult go = ThroughputMultipleRule.evaluate(runs, KnownArms.GO_FASTHTTP, KnownArms.GO_NETHTTP,
                Metric.REQUESTS_PER_CPU_SECOND, this, charts);
        List<Figure> evidence = new ArrayList<>(go.evidence().stream().filter(Figure::decides).toList());
        List<String> notes = new ArrayList<>();
        for (String w : runs.workloads()) {
            Figure goRatio = ThroughputMultipleRule.requestsRatio(runs, w, KnownArms.GO_FASTHTTP,
                    KnownArms.GO_NETHTTP, false);
            if (goRatio.values().isEmpty()) {
                continue;
            }
            Figure javaRatio = ThroughputMultipleRule.requestsRatio(runs, w, KnownArms.CLASSIC,
                    KnownArms.PER_CONNECTION, false);
            if (!w.equals(Workload.PLAINTEXT_CLOSE)) {
                evidence.add(goRatio);
            }
            if (!javaRatio.values().isEmpty()) {
                evidence.add(javaRatio);
                notes.add(w + ": Go " + goRatio.summary() + ", Java " + javaRatio.summary() + " — "
                        + (sameSide(goRatio, javaRatio) ? "the same answer" : "a different answer") + ".");
            }
        }
        return result(go.verdict(), go.reason(), evidence, notes, charts);
    }

    private static boolean sameSide(Figure a, Figure b) {
        Threshold t = ThroughputMultipleRule.MANY_TIMES;
        return t.confirms(a.geometricMean()) == t.confirms(b.geometricMean());
    }
}
