package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;

/**
 * Claim 10: are light requests served as promptly on virtual threads as on platform threads while a few
 * connections keep the server busy with CPU-heavy work? Virtual threads are not time-sliced: a heavy request keeps
 * its carrier until it is done, so when heavy requests hold every carrier a light one waits for one to finish,
 * where the OS preempts a platform thread within its time slice. The {@code mixed} workload records the light
 * requests' latency apart from the heavy group's, so this rule reads the light group's p99 alone.
 */
final class MixedLoadRule extends ClaimRule {

    /** "As promptly": the light requests' p99 on virtual is at most this multiple of classic's. */
    static final Threshold AS_PROMPTLY = Threshold.atMost(1.5);
    /** The other arms whose light-request p99 ratio to classic is shown beside the deciding one. */
    private static final List<String> SHOWN_BESIDE = List.of(KnownArms.VIRTUAL_POOLED, KnownArms.JDK_POOL,
            KnownArms.PER_CONNECTION);

    MixedLoadRule() {
        super(10, "Virtual threads serve light requests as promptly as platform threads under mixed CPU load.");
    }

    @Override
    String rule() {
        return "on " + Workload.MIXED + " (light /plaintext connections beside a heavy /cpu group of two connections "
                + "per server CPU, recorded apart), the light requests' p99 latency virtual ÷ classic, a light request "
                + "that timed out counted as the load's timeout (its client waited at least that long), repeat k "
                + "paired with repeat k: " + AS_PROMPTLY.rule(Per.PAIR) + ". The same ratio for the other arms ÷ classic, "
                + "and every arm's light-request p99 in ms, are shown beside it and do not decide.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = new ArrayList<>();
        runs.points(Workload.MIXED).forEach(p -> charts.add(ChartFiles.latency(p)));
        Figure deciding = runs.ratio("virtual ÷ classic light-request p99 latency, " + Workload.MIXED,
                Workload.MIXED, KnownArms.VIRTUAL, KnownArms.CLASSIC, Metric.P99_MS_TIMEOUTS_INCLUDED, true);
        List<Figure> evidence = new ArrayList<>(List.of(deciding));
        for (String arm : SHOWN_BESIDE) {
            Figure f = runs.ratio(arm + " ÷ classic light-request p99 latency, " + Workload.MIXED, Workload.MIXED,
                    arm, KnownArms.CLASSIC, Metric.P99_MS_TIMEOUTS_INCLUDED, false);
            if (!f.values().isEmpty()) {
                evidence.add(f);
            }
        }
        // The light requests' p99 of every arm in the run, in ms: the figure the claim is about, arm by arm. A run
        // whose light requests all timed out answered none, so their p99 alone would read 0: timeouts count in.
        for (String arm : runs.arms()) {
            List<Figure.Repeat> p99 = runs.ok(Workload.MIXED, arm).stream().map(r -> new Figure.Repeat(
                    r.connections(), r.repeat(), Metric.P99_MS_TIMEOUTS_INCLUDED.of(r),
                    Numbers.count(r.load().requests()) + " light requests answered, "
                            + Numbers.count(r.load().errors().timeout()) + " timed out")).toList();
            if (!p99.isEmpty()) {
                evidence.add(new Figure("light-request p99 ms (timeouts included), " + arm, p99, Numbers::human,
                        false));
            }
        }
        if (deciding.values().isEmpty()) {
            return missing("no paired virtual and classic runs of " + Workload.MIXED, evidence, List.of(), charts);
        }
        return decide(AS_PROMPTLY, Per.PAIR, deciding, evidence, List.of(), charts);
    }
}
