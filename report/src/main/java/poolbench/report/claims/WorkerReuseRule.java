package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.Window;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;

/**
 * Under dense load one worker serves many connections in turn, a demonstration: a pool serves new connections with
 * the workers it has. On {@code Connection: close} every request is a new connection. Read from the plaintext-close
 * comparison's classic windows (connections accepted ÷ the workers that could have served them: the most alive in
 * the window plus those started in it, so a lower bound on the mean), or, in runs written before comparisons, from
 * single runs (alive at the window's start plus started in it).
 */
final class WorkerReuseRule extends Demonstration {

    static final Threshold MANY = Threshold.atLeastCount(10);

    WorkerReuseRule() {
        super("Under dense load one worker serves many connections in turn (reuse).");
    }

    @Override
    public String rule() {
        return "plaintext-close on classic: connections accepted ÷ workers that could have served them, per launch "
                + "and step of the comparison (the most alive in the window + started in it) or per single run "
                + "(alive at the window's start + started in it); shown when every value is " + MANY.confirmText()
                + ", otherwise not shown.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = List.of();
        List<Figure.Repeat> values = new ArrayList<>(fromComparisons(runs));
        List<RunRecord> classic = runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC);
        classic.forEach(r -> values.add(connectionsPerWorker(r)));
        Figure perWorker = new Figure("classic connections per worker, plaintext-close", values, Numbers::human, true);
        List<Figure> evidence = new ArrayList<>(List.of(perWorker));
        List<RunRecord> perConnection = runs.ok(Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION);
        if (!perConnection.isEmpty()) {
            evidence.add(new Figure("per-connection connections per platform thread started, plaintext-close",
                    perConnection.stream().map(r -> new Figure.Repeat(r.connections(), r.repeat(),
                            ratio(r.server().connectionsAccepted(), r.server().threadsStarted()),
                            Numbers.count(r.server().connectionsAccepted()) + " ÷ "
                                    + Numbers.count(r.server().threadsStarted()))).toList(), Numbers::human, false));
        }
        if (values.isEmpty()) {
            return missing("no plaintext-close comparison or single run of classic", evidence, List.of(), charts);
        }
        boolean shown = MANY.confirmsEvery(perWorker.numbers());
        String reason = shown ? MANY.confirmText() + " connections per worker in " + Numbers.all(values.size(), "value")
                : "not every value is " + MANY.confirmText() + " connections per worker";
        return result(shown(shown), reason, evidence, List.of(), charts);
    }

    /** Per launch and step: the classic windows' connections ÷ (most workers alive + workers started), summed. */
    private static List<Figure.Repeat> fromComparisons(RunSet runs) {
        List<Figure.Repeat> values = new ArrayList<>();
        for (ComparisonLaunches c : runs.operatingPoints().of(Workload.PLAINTEXT_CLOSE)) {
            for (LaunchRecord l : c.launches()) {
                for (int step = 0; step < c.steps(); step++) {
                    List<Window> windows = c.at(KnownArms.CLASSIC, step, l).windows();
                    long accepted = windows.stream().mapToLong(w -> w.server().connectionsAccepted()).sum();
                    long workers = windows.stream().mapToLong(w -> w.server().workersPeak()
                            + w.server().workersStarted()).sum();
                    if (!windows.isEmpty()) {
                        values.add(new Figure.Repeat(c.connections(), l.launch(), ratio(accepted, workers),
                                Numbers.count(accepted) + " connections ÷ " + workers + " workers, "
                                        + c.point(step).shortText()));
                    }
                }
            }
        }
        return values;
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
