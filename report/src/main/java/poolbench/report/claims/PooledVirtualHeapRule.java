package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.Window;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * Quarkus's finding (2026): pooled virtual threads gain on a large heap (+13.5% on 4 GB) and lose on a small one
 * (−34% on 1 GB, with 461 full GCs against 4), because long-lived virtual threads' StackChunks are promoted and then
 * re-allocated on every park. Read from the heap × collector sweep (a sleep comparison at each setting): at the same
 * offered rate, what pooling does to the server's CPU per request (the GC's work included), at the largest and at the
 * smallest heap of each collector, only where both arms sustained the rate.
 */
final class PooledVirtualHeapRule extends MeasuredRule {

    /** Pays: at least 5% less CPU per request (Quarkus: +13.5% throughput). */
    static final Threshold PAYS = Threshold.atMost(0.95);
    /** Hurts: at least 5% more (Quarkus: −34%). */
    static final Threshold HURTS = Threshold.atLeast(1.05);

    private static final Decision ON_LARGE = new Decision(KnownArms.VIRTUAL_POOLED, KnownArms.VIRTUAL,
            StepMetric.CPU_MICROS_PER_REQUEST, new Selection(Workload.SLEEP, Selection.Heap.LARGEST),
            new Judge.Beyond(PAYS));
    private static final Decision ON_SMALL = new Decision(KnownArms.VIRTUAL_POOLED, KnownArms.VIRTUAL,
            StepMetric.CPU_MICROS_PER_REQUEST, new Selection(Workload.SLEEP, Selection.Heap.SMALLEST),
            new Judge.Beyond(HURTS));

    PooledVirtualHeapRule() {
        super("Pooling virtual threads pays on a large heap and hurts on a small one.",
                "Pays is less server CPU per request with the pool at the same offered rate (the collector's work "
                        + "is the process's CPU too), hurts is more; both parts must hold.",
                List.of(ON_LARGE, ON_SMALL),
                List.of(ON_LARGE.withSelection(new Selection(Workload.SLEEP, Selection.Heap.EVERY))));
    }

    /** Full collections and StackChunk bytes of both arms at every swept setting, summed over launches. */
    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        List<String> notes = new ArrayList<>();
        for (ComparisonLaunches c : runs.operatingPoints().swept(Workload.SLEEP)) {
            List<String> arms = new ArrayList<>();
            for (String arm : List.of(KnownArms.VIRTUAL, KnownArms.VIRTUAL_POOLED)) {
                long fullGcs = 0;
                long requests = 0;
                double chunkBytes = 0;
                boolean chunks = false;
                for (LaunchRecord l : c.launches()) {
                    for (int step = 0; step < c.steps(); step++) {
                        for (Window w : c.at(arm, step, l).windows()) {
                            fullGcs += w.server().fullGcs();
                            requests += w.server().requests();
                            if (w.server().stackChunkBytesPerRequest() >= 0) {
                                chunks = true;
                                chunkBytes += w.server().stackChunkBytesPerRequest() * w.server().requests();
                            }
                        }
                    }
                }
                if (requests > 0) {
                    arms.add(arm + " " + Numbers.count(fullGcs) + " full GCs in " + Numbers.count(requests)
                            + " requests" + (chunks ? ", " + Numbers.human(chunkBytes / requests)
                            + " StackChunk B/request" : ""));
                }
            }
            if (!arms.isEmpty()) {
                notes.add(c.label() + ": " + String.join("; ", arms) + " (every counted window of every launch).");
            }
        }
        return notes;
    }
}
