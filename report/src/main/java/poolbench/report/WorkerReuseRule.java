package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.RunRecord;
import poolbench.compare.Workload;

/**
 * Claim 5: under dense load one worker serves many connections in turn. On {@code Connection: close} every request
 * is a new connection; the workers that could have served the window's connections are those alive at its start
 * plus those started in it (warm-up starts most of them, so counting only the window's starts would divide by
 * zero), which makes connections ÷ workers a lower bound on the mean connections per worker.
 */
final class WorkerReuseRule implements ClaimRule {

    static final double MANY = 10;

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String claim() {
        return "Under dense load one worker serves many connections in turn (reuse).";
    }

    @Override
    public String rule() {
        return "plaintext-close on classic: connections accepted in the measured window ÷ workers that could have "
                + "served them (alive at the window's start + started in it); confirmed when ≥ "
                + Numbers.count(MANY) + " in every repeat, refuted when < " + Numbers.count(MANY)
                + " in every repeat, otherwise inconclusive.";
    }

    @Override
    public ClaimResult evaluate(RunSet runs) {
        List<String> charts = List.of(ChartFiles.CPU_PER_REQUEST);
        List<RunRecord> classic = runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC);
        Evidence perWorker = new Evidence("classic connections per worker, plaintext-close",
                classic.stream().map(WorkerReuseRule::connectionsPerWorker).toList(), Numbers::human, true);
        List<Evidence> evidence = new ArrayList<>(List.of(perWorker));
        List<RunRecord> perConnection = runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION);
        if (!perConnection.isEmpty()) {
            evidence.add(new Evidence("per-connection connections per platform thread started, plaintext-close",
                    perConnection.stream().map(r -> new Measured(r.connections(), r.repeat(),
                            ratio(r.server().connectionsAccepted(), r.server().threadsStarted()),
                            Numbers.count(r.server().connectionsAccepted()) + " ÷ "
                                    + Numbers.count(r.server().threadsStarted()))).toList(), Numbers::human, false));
        }
        if (classic.isEmpty()) {
            return missing("no successful plaintext-close runs of classic", evidence, List.of(), charts);
        }
        Verdict verdict = Verdict.everyValue(perWorker.numbers(), v -> v >= MANY, v -> v < MANY);
        String reason = switch (verdict) {
            case CONFIRMED -> "≥ " + Numbers.count(MANY) + " in " + Numbers.all(classic.size(), "repeat");
            case REFUTED -> "< " + Numbers.count(MANY) + " in " + Numbers.all(classic.size(), "repeat");
            case INCONCLUSIVE -> "the repeats fall on both sides of " + Numbers.count(MANY);
        };
        return new ClaimResult(number(), claim(), rule(), verdict, reason, evidence, List.of(), charts);
    }

    static Measured connectionsPerWorker(RunRecord r) {
        long workers = r.before().workersAlive() + r.server().workersStarted();
        return new Measured(r.connections(), r.repeat(), ratio(r.server().connectionsAccepted(), workers),
                Numbers.count(r.server().connectionsAccepted()) + " connections ÷ " + workers + " workers");
    }

    private static double ratio(long n, long d) {
        return d == 0 ? Double.NaN : (double) n / d;
    }
}
