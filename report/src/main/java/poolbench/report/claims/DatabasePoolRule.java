package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.report.run.ArmStep;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.LoadGroup;
import poolbench.report.run.Numbers;
import poolbench.report.run.OperatingPoint;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * With a real database the connection pool, not the thread model, bounds throughput. Restated so the data can answer
 * it either way: at the same offered rate on {@code db} (TechEmpower's single query through a HikariCP pool), every
 * arm's server CPU per request and p99 lie within the noise of classic's, where the noise is the comparison's own A/A
 * pair; and when that noise is wider than the effect asked about, nothing can be told apart and the step is
 * inconclusive.
 */
final class DatabasePoolRule extends MeasuredRule {

    static final List<String> ARMS = List.of(KnownArms.JDK_POOL, KnownArms.PER_CONNECTION, KnownArms.VIRTUAL,
            KnownArms.VIRTUAL_POOLED);

    DatabasePoolRule() {
        super("With a real database the connection pool, not the thread model, bounds throughput.",
                "At the same offered rate, the arms' db cost and latency lie within the A/A noise of each other; the "
                        + "database, not the thread model, bounds capacity.",
                decisions(), List.of());
    }

    private static List<Decision> decisions() {
        List<Decision> list = new ArrayList<>();
        for (String arm : ARMS) {
            list.add(new Decision(arm, KnownArms.CLASSIC, StepMetric.CPU_MICROS_PER_REQUEST,
                    Selection.of(Workload.DB), new Judge.WithinNoise(Threshold.ABOUT_AS_EFFICIENT.confirmAt())));
            list.add(new Decision(arm, KnownArms.CLASSIC, StepMetric.P99_MS, Selection.of(Workload.DB),
                    new Judge.WithinNoise(Threshold.ABOUT_AS_PROMPT.confirmAt())));
        }
        return list;
    }

    @Override
    public String rule() {
        return super.rule() + " Shown beside: each arm's wait for a pooled connection as a share of its mean "
                + "latency, the load side's CPU per request, and capacity where it is measurable.";
    }

    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        List<String> notes = new ArrayList<>();
        long ticksPerSecond = runs.environment().map(e -> e.accounting() == null ? 0L
                : e.accounting().clockTicksPerSecond()).orElse(0L);
        for (ComparisonLaunches c : runs.operatingPoints().of(Workload.DB)) {
            for (OperatingPoint p : c.points()) {
                List<String> wait = new ArrayList<>();
                List<String> loadSide = new ArrayList<>();
                List<String> database = new ArrayList<>();
                for (String arm : c.arms()) {
                    List<Double> db = new ArrayList<>();
                    List<Double> shares = new ArrayList<>();
                    List<Double> cpu = new ArrayList<>();
                    for (ArmStep s : c.at(arm, p.step())) {
                        double mean = s.meanMs(LoadGroup.MEASURED);
                        double w = s.dbWaitMicrosPerRequest() / 1_000;
                        if (mean > 0 && Double.isFinite(w)) {
                            shares.add(w / mean);
                        }
                        double d = s.databaseCpuMicrosPerRequest(ticksPerSecond);
                        if (Double.isFinite(d)) {
                            db.add(d);
                        }
                        double l = s.loadSideCpuMicrosPerRequest(ticksPerSecond);
                        if (Double.isFinite(l)) {
                            cpu.add(l);
                        }
                    }
                    if (!shares.isEmpty()) {
                        wait.add(arm + " " + Numbers.percent(Figure.median(shares)));
                    }
                    if (!cpu.isEmpty()) {
                        loadSide.add(arm + " " + Numbers.human(Figure.median(cpu)) + " µs");
                    }
                    if (!db.isEmpty()) {
                        database.add(arm + " " + Numbers.human(Figure.median(db)) + " µs");
                    }
                }
                if (!wait.isEmpty()) {
                    notes.add(c.label() + " " + p.text() + ": the wait for a pooled connection is, of the mean "
                            + "latency (median over launches), " + String.join(", ", wait) + ".");
                }
                if (!database.isEmpty()) {
                    notes.add(c.label() + " " + p.text() + ": PostgreSQL's own CPU per request (its processes' "
                            + "ticks, median over launches) is " + String.join(", ", database) + ".");
                }
                if (!loadSide.isEmpty()) {
                    notes.add(c.label() + " " + p.text() + ": the load side's CPU per request (median over "
                            + "launches) is " + String.join(", ", loadSide) + ".");
                }
            }
        }
        notes.add("PostgreSQL runs on the load CPUs: the load side's CPU per request includes it, and records that "
                + "keep its ticks apart (databaseProcesses) show it alone; older records give only the sum, an upper "
                + "bound on PostgreSQL's.");
        for (String arm : ARMS) {
            notes.addAll(capacityNotes(runs.operatingPoints(), Workload.DB, arm, KnownArms.CLASSIC));
        }
        return notes;
    }
}
