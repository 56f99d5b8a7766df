package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;
import poolbench.report.charts.ChartFiles;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;

/**
 * Workers grow on demand and idle ones are reaped, a demonstration: a pool that reaps idle workers reaps them by
 * design. The burst workload loads a server whose pool starts empty, then leaves it idle for longer than its
 * --max-idle-worker-duration: a pool that grows and reaps started workers, reaped some in the idle phase, and ended
 * with fewer alive than at its peak.
 */
final class GrowAndReapRule extends Demonstration {

    static final int GREW = 2;

    GrowAndReapRule() {
        super("Workers grow on demand and idle ones are reaped.");
    }

    @Override
    public String rule() {
        return "burst workload on classic (load, then an idle phase longer than --max-idle-worker-duration): "
                + "shown when in every repeat the pool started ≥ " + GREW + " workers since the server started "
                + "empty (warm-up included), reaped ≥ 1 from the measured window's start to the end of the idle "
                + "phase, and had fewer workers alive at the end than at its peak; otherwise not shown.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = List.of(ChartFiles.BURST_WORKERS, ChartFiles.BURST_THREADS);
        List<RunRecord> classic = runs.ok(Workload.BURST, KnownArms.CLASSIC);
        List<Figure> evidence = new ArrayList<>();
        evidence.add(new Figure("classic workers reaped, burst", classic.stream().map(GrowAndReapRule::reaped)
                .toList(), Numbers::count, true));
        for (String arm : runs.arms()) {
            List<RunRecord> other = runs.ok(Workload.BURST, arm);
            if (!arm.equals(KnownArms.CLASSIC) && !other.isEmpty()) {
                evidence.add(new Figure(arm + " workers reaped, burst",
                        other.stream().map(GrowAndReapRule::reaped).toList(), Numbers::count, false));
            }
        }
        if (classic.isEmpty()) {
            return missing("no successful burst runs of classic", evidence, List.of(), charts);
        }
        boolean shown = classic.stream().allMatch(GrowAndReapRule::grewAndShrank);
        String reason;
        if (shown) {
            reason = "in " + Numbers.all(classic.size(), "repeat") + " the pool grew, reaped, and ended below its peak";
        } else if (classic.stream().anyMatch(r -> r.server().workersReaped() == 0)) {
            reason = "a repeat reaped no worker";
        } else {
            reason = "workers were reaped, but a repeat started fewer than " + GREW
                    + " workers or ended with as many alive as at its peak";
        }
        return result(shown(shown), reason, evidence, List.of(), charts);
    }

    static boolean grewAndShrank(RunRecord r) {
        return r.end().workersStarted() >= GREW && r.server().workersReaped() >= 1
                && r.end().workersAlive() < r.server().workersPeak();
    }

    private static Figure.Repeat reaped(RunRecord r) {
        return new Figure.Repeat(r.connections(), r.repeat(), r.server().workersReaped(),
                "started " + r.end().workersStarted() + ", peak " + r.server().workersPeak() + ", reaped "
                        + r.server().workersReaped() + ", alive at the end " + r.end().workersAlive());
    }
}
