package poolbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * Claim 3: reusing workers lowers GC pressure. Decided by the bytes allocated per request on
 * {@code Connection: close}, where a thread per connection allocates a thread (and, unless buffers are owned by
 * something longer-lived, buffers) for every request. Collections per 10k requests follow from the bytes but are
 * too coarse in a short window to decide (often zero on both sides), so they are shown, not ruled on.
 */
final class GcPressureRule extends ClaimRule {

    static final Threshold LOWER = Threshold.band(1.2, 1.0);

    GcPressureRule() {
        super(3, "Reusing workers lowers GC pressure.");
    }

    @Override
    String rule() {
        return "per-connection ÷ classic allocated bytes per request on plaintext-close, repeat k paired with "
                + "repeat k: " + LOWER.rule(Per.PAIR) + ". GCs per 10k requests are shown "
                + "beside it. Buffers vs threads: a plaintext-close run of classic with --buffers connection, when "
                + "present, gives the buffers' share; the JMH parse suite's per-connection minus worker-owned B/op "
                + "gives the buffers' bytes without any thread.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<String> charts = List.of(ChartFiles.ALLOC_PER_REQUEST);
        Figure alloc = runs.ratio("per-connection ÷ classic alloc B/request, plaintext-close",
                Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION, KnownArms.CLASSIC, Metric.ALLOC_BYTES_PER_REQUEST,
                true);
        Figure gc = Figure.ratios("per-connection ÷ classic GCs per 10k requests, plaintext-close",
                runs.pairedRatios(Workload.PLAINTEXT_CLOSE, KnownArms.PER_CONNECTION, KnownArms.CLASSIC,
                        Metric.GC_PER_10K_REQUESTS::of), false);
        List<Figure> evidence = new ArrayList<>(List.of(alloc, gc));
        List<String> notes = new ArrayList<>();
        bufferSplit(runs, evidence, notes);
        parseSuite(runs, notes);
        if (alloc.values().isEmpty()) {
            return missing("no plaintext-close runs of both per-connection and classic with the same repeat",
                    evidence, notes, charts);
        }
        return decide(LOWER, Per.PAIR, alloc, evidence, notes, charts);
    }

    /**
     * Per-connection allocates beyond classic for two reasons: a new thread, and new buffers. Classic with
     * per-connection buffers pays only the second, so (classic with connection buffers − classic) is the buffers'
     * bytes and (per-connection − classic with connection buffers) the thread's, per request, repeat by repeat.
     */
    private static void bufferSplit(RunSet runs, List<Figure> evidence, List<String> notes) {
        List<RunRecord> connectionBuffers = runs.closeWithConnectionBuffers(KnownArms.CLASSIC);
        if (connectionBuffers.isEmpty()) {
            notes.add("Buffers vs threads: no plaintext-close run of classic with --buffers connection in this run, "
                    + "so the share of buffers cannot be separated from the share of threads here (run compare with "
                    + "a plaintext-close workload whose server has --buffers connection).");
            return;
        }
        List<Figure.Repeat> buffers = new ArrayList<>();
        List<Figure.Repeat> threads = new ArrayList<>();
        for (RunRecord cb : connectionBuffers) {
            WorkloadPoint close = new WorkloadPoint(Workload.PLAINTEXT_CLOSE, cb.connections());
            RunRecord classic = runs.ok(close, KnownArms.CLASSIC, cb.repeat()).orElse(null);
            RunRecord perConnection = runs.ok(close, KnownArms.PER_CONNECTION, cb.repeat()).orElse(null);
            double withBuffers = cb.server().allocBytesPerRequest();
            if (classic != null) {
                double b = withBuffers - classic.server().allocBytesPerRequest();
                buffers.add(new Figure.Repeat(cb.connections(), cb.repeat(), b, Numbers.human(withBuffers) + " − "
                        + Numbers.human(classic.server().allocBytesPerRequest())));
            }
            if (perConnection != null) {
                double t = perConnection.server().allocBytesPerRequest() - withBuffers;
                threads.add(new Figure.Repeat(cb.connections(), cb.repeat(), t,
                        Numbers.human(perConnection.server().allocBytesPerRequest()) + " − "
                                + Numbers.human(withBuffers)));
            }
        }
        Figure bufferBytes = new Figure("buffers' bytes per request: classic with --buffers connection − classic, "
                + "plaintext-close (workload " + connectionBuffers.get(0).workload() + ")", buffers, Numbers::human,
                false);
        Figure threadBytes = new Figure("threads' bytes per request: per-connection − classic with --buffers connection, "
                + "plaintext-close", threads, Numbers::human, false);
        evidence.add(bufferBytes);
        evidence.add(threadBytes);
        Figure b = bufferBytes;
        Figure t = threadBytes;
        if (!b.empty() && !t.empty() && b.median() + t.median() > 0) {
            notes.add(String.format(Locale.ROOT, "Buffers vs threads: of the bytes per request that per-connection "
                            + "allocates beyond classic, buffers account for %s B and the thread for %s B (medians), "
                            + "so buffers are %.0f%% of the difference.", Numbers.human(b.median()),
                    Numbers.human(t.median()), 100 * b.median() / (b.median() + t.median())));
        }
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
