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
 * The pool makes parallelism controllable, a demonstration: the cap is the configured {@code --concurrency}, so the
 * port shows fasthttp's behaviour rather than a figure the data could turn around. With more connections than the
 * cap, a capped pool must keep its workers at or under the cap and answer the overflow with 503s; a thread per
 * connection has no such bound, which its peak thread count shows beside it.
 */
final class BoundedParallelismRule extends Demonstration {

    BoundedParallelismRule() {
        super("The pool makes parallelism controllable (bounded threads; overflow gets 503).");
    }

    @Override
    public String rule() {
        return "overload workload (more connections than the cap given by --concurrency, " + Workload.OVERLOAD_CAP
                + " in compare's suites) on classic: shown when, in every repeat, the most workers alive (the "
                + "larger of the sampled peak and the pool's own peak counter) is ≤ the cap and at least one "
                + "connection was answered 503; not shown when any repeat has more workers than the cap or no 503, "
                + "or when the workload is missing or ran with no more connections than the cap.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = new ArrayList<>();
        runs.points(Workload.OVERLOAD).forEach(p -> charts.add(ChartFiles.latency(p)));
        List<RunRecord> classic = runs.ok(Workload.OVERLOAD, KnownArms.CLASSIC);
        List<Figure.Repeat> peaks = new ArrayList<>();
        List<Figure.Repeat> rejected = new ArrayList<>();
        boolean overflowed = true;
        for (RunRecord r : classic) {
            int cap = cap(r);
            overflowed &= r.connections() > cap;
            long peak = peakWorkers(r);
            peaks.add(new Figure.Repeat(r.connections(), r.repeat(), peak, "peak " + peak + " workers, cap " + cap));
            rejected.add(new Figure.Repeat(r.connections(), r.repeat(), r.server().connectionsRejected(),
                    Numbers.count(r.server().connectionsRejected()) + " connections answered 503"));
        }
        List<Figure> evidence = new ArrayList<>(List.of(
                new Figure("classic peak workers, overload", peaks, Numbers::count, true),
                new Figure("classic connections answered 503, overload", rejected, Numbers::count, true)));
        evidence.addAll(contrast(runs));
        if (classic.isEmpty()) {
            return missing("no successful overload runs of classic", evidence, List.of(), charts);
        }
        if (!overflowed) {
            return missing("overload ran classic with no more connections than its cap, so nothing could overflow",
                    evidence, List.of(), charts);
        }
        boolean bounded = classic.stream().allMatch(r -> peakWorkers(r) <= cap(r));
        boolean answered503 = classic.stream().allMatch(r -> r.server().connectionsRejected() > 0);
        Verdict verdict = shown(bounded && answered503);
        List<String> failures = new ArrayList<>();
        if (!bounded) {
            failures.add("a repeat had more workers than the cap");
        }
        if (!answered503) {
            failures.add("a repeat answered no connection with 503");
        }
        String reason = verdict == Verdict.SHOWN
                ? "in " + Numbers.all(classic.size(), "repeat") + " the workers stayed within the cap and the overflow "
                + "got 503s"
                : String.join(", and ", failures);
        return result(verdict, reason, evidence, notes(runs), charts);
    }

    /** The cap the run's server was started with; the suite's overload cap when none was passed. */
    static int cap(RunRecord r) {
        List<String> args = r.serverArgs() == null ? List.of() : r.serverArgs();
        int i = args.indexOf("--concurrency");
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : Workload.OVERLOAD_CAP;
    }

    /** The sampler can miss a short peak between samples; the pool's own peak counter cannot. */
    static long peakWorkers(RunRecord r) {
        return Math.max(r.server().workersPeak(), r.after().workersPeak());
    }

    /** The other arms on the same load: what the bound looks like without a pool, or with another one. */
    private static List<Figure> contrast(RunSet runs) {
        List<Figure> list = new ArrayList<>();
        for (String arm : runs.arms()) {
            if (arm.equals(KnownArms.CLASSIC)) {
                continue;
            }
            List<Figure.Repeat> threads = runs.ok(Workload.OVERLOAD, arm).stream().map(r -> new Figure.Repeat(r.connections(),
                    r.repeat(), r.server().threadsPeak(), "peak " + r.server().threadsPeak() + " platform threads, "
                    + peakWorkers(r) + " workers, " + Numbers.count(r.server().connectionsRejected()) + " 503s"))
                    .toList();
            if (!threads.isEmpty()) {
                list.add(new Figure(arm + " peak platform threads, overload", threads, Numbers::count, false));
            }
        }
        return list;
    }

    private static List<String> notes(RunSet runs) {
        List<String> notes = new ArrayList<>();
        List<RunRecord> perConnection = runs.ok(Workload.OVERLOAD, KnownArms.PER_CONNECTION);
        if (!perConnection.isEmpty()) {
            Figure threads = Figure.of(perConnection.stream().map(r -> (double) r.server().threadsPeak()).toList());
            notes.add("per-connection, with no cap, peaked at " + threads.range(Numbers::count)
                    + " live platform threads on the same load.");
        }
        return notes;
    }
}
