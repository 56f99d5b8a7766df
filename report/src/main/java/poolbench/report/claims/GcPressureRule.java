package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.JmhResult;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;
import poolbench.report.run.WorkloadPoint;

/**
 * Reusing workers lowers GC pressure. Decided by the heap bytes allocated per request on {@code Connection: close},
 * where a thread per connection allocates a thread (and, unless buffers are owned by something longer-lived,
 * buffers) for every request, at every rate of the ladder. Collections follow from the bytes but are too coarse in a
 * short window to decide (often zero on both sides).
 */
final class GcPressureRule extends MeasuredRule {

    static final Threshold LOWER = Threshold.band(1.2, 1.0);

    GcPressureRule() {
        super("Reusing workers lowers GC pressure.",
                "GC pressure is the heap bytes allocated per request (every thread of the server, over the counted "
                        + "windows), on Connection: close, where without a pool every request starts a thread.",
                List.of(new Decision(KnownArms.PER_CONNECTION, KnownArms.CLASSIC,
                        StepMetric.ALLOC_BYTES_PER_REQUEST, Selection.of(Workload.PLAINTEXT_CLOSE),
                        new Judge.Beyond(LOWER))),
                List.of());
    }

    @Override
    public String rule() {
        return super.rule() + " Buffers vs threads: a run of classic with --buffers connection, when present, gives "
                + "the buffers' share; the JMH parse suite's per-connection minus worker-owned B/op gives the "
                + "buffers' bytes without any thread.";
    }

    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        List<String> notes = new ArrayList<>();
        bufferSplit(runs, notes);
        parseSuite(runs, notes);
        return notes;
    }

    /**
     * Per-connection allocates beyond classic for two reasons: a new thread, and new buffers. Classic with
     * per-connection buffers pays only the second, so (classic with connection buffers − classic) is the buffers'
     * bytes and (per-connection − classic with connection buffers) the thread's, per request. The connection-buffer
     * runs are single runs; classic's and per-connection's bytes come from the plaintext-close comparison at the same
     * connection count (the median over every launch and step: bytes per request hardly move with the rate), or from
     * single runs of the same repeat in runs written before comparisons.
     */
    static void bufferSplit(RunSet runs, List<String> notes) {
        List<RunRecord> connectionBuffers = runs.closeWithConnectionBuffers(KnownArms.CLASSIC);
        if (connectionBuffers.isEmpty()) {
            notes.add("Buffers vs threads: no Connection: close run of classic with --buffers connection in this "
                    + "run, so the share of buffers cannot be separated from the share of threads here.");
            return;
        }
        List<Double> buffers = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        for (RunRecord cb : connectionBuffers) {
            double withBuffers = cb.server().allocBytesPerRequest();
            closeAlloc(runs, KnownArms.CLASSIC, cb).ifPresent(c -> buffers.add(withBuffers - c));
            closeAlloc(runs, KnownArms.PER_CONNECTION, cb).ifPresent(p -> threads.add(p - withBuffers));
        }
        if (buffers.isEmpty() || threads.isEmpty()) {
            notes.add("Buffers vs threads: the run has classic with --buffers connection but not both classic and "
                    + "per-connection on plaintext-close at its connection count.");
            return;
        }
        double b = Figure.median(buffers);
        double t = Figure.median(threads);
        notes.add(String.format(Locale.ROOT, "Buffers vs threads: of the bytes per request that per-connection "
                + "allocates beyond classic, buffers account for %s B and the thread for %s B (medians), so buffers "
                + "are %.0f%% of the difference.", Numbers.human(b), Numbers.human(t), 100 * b / (b + t)));
    }

    /** {@code arm}'s bytes per request on plaintext-close beside the connection-buffer run {@code cb}. */
    private static Optional<Double> closeAlloc(RunSet runs, String arm, RunRecord cb) {
        Optional<ComparisonLaunches> compared = runs.operatingPoints().of(Workload.PLAINTEXT_CLOSE,
                cb.connections());
        if (compared.isPresent()) {
            List<Double> values = new ArrayList<>();
            for (LaunchRecord l : compared.get().launches()) {
                for (int step = 0; step < compared.get().steps(); step++) {
                    double v = compared.get().at(arm, step, l).allocBytesPerRequest();
                    if (Double.isFinite(v)) {
                        values.add(v);
                    }
                }
            }
            return values.isEmpty() ? Optional.empty() : Optional.of(Figure.median(values));
        }
        return runs.ok(new WorkloadPoint(Workload.PLAINTEXT_CLOSE, cb.connections()), arm, cb.repeat())
                .map(r -> r.server().allocBytesPerRequest());
    }

    /** The parse suite allocates buffers without any thread or socket: the buffers' bytes in isolation. */
    private static void parseSuite(RunSet runs, List<String> notes) {
        List<JmhResult> parse = runs.jmh().of("ParseBenchmark");
        if (parse.isEmpty()) {
            notes.add("JMH parse suite: not in this run (./poolbench jmh writes it to jmh/).");
            return;
        }
        for (JmhResult owned : parse) {
            if (!owned.method().equals("workerOwnedBuffers")) {
                continue;
            }
            parse.stream().filter(r -> r.method().equals("perConnectionBuffers") && r.params().equals(owned.params())
                    && r.mode().equals(owned.mode())).findFirst().ifPresent(fresh -> notes.add(
                    "JMH parse suite (" + owned.paramsText() + "): per-connection buffers allocate "
                            + Numbers.human(fresh.allocBytesPerOp()) + " B/op, worker-owned "
                            + Numbers.human(owned.allocBytesPerOp()) + " B/op: "
                            + Numbers.human(fresh.allocBytesPerOp() - owned.allocBytesPerOp())
                            + " B per new connection is the buffers alone."));
        }
    }
}
