package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * Claim 5: under dense load one worker serves many connections in turn. On {@code Connection: close} every request
 * is a new connection; the workers that could have served the window's connections are those alive at its start
 * plus those started in it (warm-up starts most of them, so counting only the window's starts would divide by
 * zero), which makes connections ÷ workers a lower bound on the mean connections per worker.
 */
final class WorkerReuseRule extends ClaimRule {

    static final Threshold MANY = Threshold.atLeastCount(10);

    WorkerReuseRule() {
        super(5, "Under dense load one worker serves many connections in turn (reuse).");
    }

    @Override
    String rule() {
        return "plaintext-close on classic: connections accepted in the measured window ÷ workers that could have "
                + "served them (alive at the window's start + started in it); " + MANY.rule(Per.REPEAT) + ".";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = List.of(ChartFiles.CPU_PER_REQUEST);
        List<RunRecord> classic = runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC);
        Figure perWorker = new Figure("classic connections per worker, plaintext-close",
                classic.stream().map(WorkerReuseRule::connectionsPerWorker).toList(), Numbers::human, true);
        List<Figure> evidence = new ArrayList<>(List.of(perWorker));
        List<RunRecord> perConnection = runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION);
        if (!perConnection.isEmpty()) {
            evidence.add(new Figure("per-connection connections per platform thread started, plaintext-close",
                    perConnection.stream().map(r -> new Figure.Repeat(r.connections(), r.repeat(),
                            ratio(r.server().connectionsAccepted(), r.server().threadsStarted()),
                            Numbers.count(r.server().connectionsAccepted()) + " ÷ "
                                    + Numbers.count(r.server().threadsStarted()))).toList(), Numbers::human, false));
        }
        if (classic.isEmpty()) {
            return missing("no successful plaintext-close runs of classic", evidence, List.of(), charts);
        }
        return decide(MANY, Per.REPEAT, perWorker, evidence, List.of(), charts);
    }

    static Figure.Repeat connectionsPerWorker(RunRecord r) {
        long workers = r.before().workersAlive() + r.server().workersStarted();
        return new Figure.Repeat(r.connections(), r.repeat(), ratio(r.server().connectionsAccepted(), workers),
                Numbers.count(r.server().connectionsAccepted()) + " connections ÷ " + workers + " workers");
    }

    private static double ratio(long n, long d) {
        return d == 0 ? Double.NaN : (double) n / d;
    }
}
