package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;

/**
 * Claim 1: a worker pool makes the server many times more efficient than a thread per connection. Decided on
 * {@code Connection: close}, where every request pays for a new connection and so, without a pool, for a new thread;
 * on keep-alive a connection's thread is started once and then reused by every arm, so that ratio is shown beside it.
 */
final class ThroughputMultipleRule extends ClaimRule {

    static final Threshold MANY_TIMES = Threshold.atLeast(2.0);

    ThroughputMultipleRule() {
        super(1, "A worker pool makes the server many times more efficient than a thread per connection.");
    }

    @Override
    String rule() {
        return "\"More efficient\" is more work per CPU, so requests per server CPU-second decide: classic ÷ "
                + "per-connection requests per server CPU-second (the server process's own CPU time over the measured "
                + "window) on plaintext-close, repeat k paired with repeat k at every connection count: "
                + MANY_TIMES.rule(Per.PAIR) + ". Requests/s on plaintext-close and the keep-alive (plaintext) ratio "
                + "are shown beside it and do not decide.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = new ArrayList<>(List.of(ChartFiles.RELATIVE_THROUGHPUT));
        runs.points(Workload.PLAINTEXT_CLOSE).forEach(p -> charts.add(ChartFiles.latency(p)));
        charts.add(ChartFiles.CPU_PER_REQUEST);
        return evaluate(runs, KnownArms.CLASSIC, KnownArms.PER_CONNECTION, Metric.REQUESTS_PER_CPU_SECOND, this,
                charts);
    }

    /**
     * The same rule for any pair of arms, decided by {@code deciding} on plaintext-close: claim 7 asks it of fasthttp
     * and net/http.
     */
    static ClaimResult evaluate(RunSet runs, String pooled, String perConnection, Metric deciding, ClaimRule rule,
                                List<String> charts) {
        boolean byRequests = deciding == Metric.REQUESTS_PER_SECOND;
        Figure close = requestsRatio(runs, Workload.PLAINTEXT_CLOSE, pooled, perConnection, byRequests);
        Figure keepAlive = requestsRatio(runs, Workload.PLAINTEXT, pooled, perConnection, false);
        Figure decides = byRequests ? close : runs.ratio(pooled + " ÷ " + perConnection + " " + deciding.heading()
                + ", " + Workload.PLAINTEXT_CLOSE, Workload.PLAINTEXT_CLOSE, pooled, perConnection, deciding, true);
        List<Figure> evidence = byRequests ? List.of(close, keepAlive) : List.of(close, keepAlive, decides);
        if (decides.values().isEmpty()) {
            return rule.missing("no plaintext-close runs of both " + pooled + " and " + perConnection
                    + " with the same repeat" + (byRequests ? " (a pair with a client-bound run is left out: its "
                    + "requests/s are the client's)" : ""), evidence, List.of(), charts);
        }
        List<String> notes = new ArrayList<>();
        if (!keepAlive.values().isEmpty()) {
            notes.add("On keep-alive connections (plaintext) " + pooled + " ÷ " + perConnection + " is "
                    + keepAlive.summary() + ": there a thread is started once per connection, not per request.");
        }
        return rule.decide(MANY_TIMES, Per.PAIR, decides, evidence, notes, charts);
    }

    static Figure requestsRatio(RunSet runs, String workload, String numerator, String denominator,
                                boolean decides) {
        return runs.ratio(numerator + " ÷ " + denominator + " requests/s, " + workload, workload, numerator,
                denominator, Metric.REQUESTS_PER_SECOND, decides);
    }
}
