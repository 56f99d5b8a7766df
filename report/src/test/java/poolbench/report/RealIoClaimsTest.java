package poolbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/** Claims 8 and 9 on records made to confirm them, to refute them, and to leave them undecided. */
class RealIoClaimsTest {

    private static final String VIRTUAL = KnownArms.VIRTUAL;
    private static final String POOLED = KnownArms.VIRTUAL_POOLED;

    private static ClaimResult evaluate(ClaimRule rule, List<RunRecord> records) {
        return rule.evaluate(Runs.set(records));
    }

    @Nested
    class PooledVirtualThreadsByHeap {

        private final PooledVirtualHeapRule rule = new PooledVirtualHeapRule();

        /** virtual-pooled and virtual on downstream c10000 at one heap under parallel, {pooled, virtual} a repeat. */
        private List<RunRecord> at(String heap, double[]... rates) {
            List<RunRecord> records = new ArrayList<>();
            for (int k = 0; k < rates.length; k++) {
                records.add(Runs.run(POOLED, Workload.DOWNSTREAM, 10_000, k + 1).jvm(heap, "parallel")
                        .rps(rates[k][0]).fullGcs(heap.equals("256m") ? 400 : 3).stackChunkBytes(900).build());
                records.add(Runs.run(VIRTUAL, Workload.DOWNSTREAM, 10_000, k + 1).jvm(heap, "parallel")
                        .rps(rates[k][1]).fullGcs(4).stackChunkBytes(300).build());
            }
            return records;
        }

        @Test
        void quarkusFindingIsConfirmedWhenPoolingPaysOnTheLargestHeapAndHurtsOnTheSmallest() {
            // Three repeats a heap: fewer pairs would carry the ±20% few-pairs floor, wider than either margin.
            List<RunRecord> records = new ArrayList<>(at("4g", new double[] {1135, 1000}, new double[] {1140, 1000},
                    new double[] {1138, 1000}));
            records.addAll(at("1g", new double[] {1000, 1000}, new double[] {990, 1000}));
            records.addAll(at("256m", new double[] {660, 1000}, new double[] {700, 1000}, new double[] {680, 1000}));
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertTrue(r.reason().contains("downstream c10000 parallel"), r.reason());
            assertTrue(r.evidence().stream().anyMatch(e -> e.label().equals(
                    "virtual-pooled full GCs in the window, downstream c10000, 256m parallel")
                    && e.numbers().equals(List.of(400.0, 400.0, 400.0))), "full GCs are shown beside the ratios");
            assertTrue(r.evidence().stream().anyMatch(e -> e.label().startsWith("virtual StackChunk bytes")));
            assertTrue(r.rule().contains("≥ 1.05") && r.rule().contains("≤ 0.95"), r.rule());
        }

        @Test
        void theSweepTableSetsEachHeapAndCollectorBesideQuarkus() {
            List<RunRecord> records = new ArrayList<>(at("4g", new double[] {1135, 1000}, new double[] {1140, 1000}));
            records.addAll(at("256m", new double[] {660, 1000}, new double[] {700, 1000}));
            Markdown md = new Markdown();
            SweepTable.render(md, Runs.set(records));
            String text = md.toString();
            assertTrue(text.contains("## Heap × collector sweep"), text);
            assertTrue(text.contains("| downstream c10000 | 256m parallel | 1,000 | 680 (660–700) | 0.68×"), text);
            assertTrue(text.contains("| 400 / 4 |") || text.contains("| 4 / 400 |"), text);
            assertTrue(text.contains("143,966"), "Quarkus's figures beside ours");
            Markdown none = new Markdown();
            SweepTable.render(none, Runs.set(List.of(Runs.run(VIRTUAL, Workload.SLEEP, 1000, 1).build())));
            assertEquals("", none.toString().strip(), "no sweep, no section");
        }

        @Test
        void refutedWhenPoolingNeverHurtsOnTheSmallHeap() {
            List<RunRecord> records = new ArrayList<>(at("4g", new double[] {1135, 1000}, new double[] {1140, 1000},
                    new double[] {1138, 1000}));
            records.addAll(at("256m", new double[] {1000, 1000}, new double[] {1010, 1000}, new double[] {1005, 1000}));
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
        }

        @Test
        void inconclusiveWhenTheRepeatsDisagree() {
            List<RunRecord> records = new ArrayList<>(at("4g", new double[] {1135, 1000}, new double[] {900, 1000}));
            records.addAll(at("256m", new double[] {660, 1000}, new double[] {700, 1000}));
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, records).verdict());
        }

        @Test
        void missingWithoutASweepAndSweepRunsStayOutOfTheDefaultIndex() {
            List<RunRecord> defaults = List.of(Runs.run(POOLED, Workload.SLEEP, 1000, 1).build(),
                    Runs.run(VIRTUAL, Workload.SLEEP, 1000, 1).build());
            ClaimResult r = evaluate(rule, defaults);
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("missing data: no heap × collector sweep"), r.reason());

            List<RunRecord> mixed = new ArrayList<>(defaults);
            mixed.addAll(at("4g", new double[] {1135, 1000}));
            RunSet set = Runs.set(mixed);
            assertEquals(2, set.swept().size());
            assertEquals(List.of(Workload.SLEEP), set.workloads(), "sweep runs do not join the default points");
        }
    }

    @Nested
    class DatabasePool {

        private final DatabasePoolRule rule = new DatabasePoolRule();

        /** One db run per arm per repeat: {classic's, virtual's} requests/s, with mean latency about 1 ms. */
        private List<RunRecord> db(double waitMicros, double[]... rates) {
            List<RunRecord> records = new ArrayList<>();
            for (int k = 0; k < rates.length; k++) {
                records.add(Runs.run(KnownArms.CLASSIC, Workload.DB, 64, k + 1).path("/db").rps(rates[k][0])
                        .latency(0.5, 1.5).dbPool(8, waitMicros).build());
                records.add(Runs.run(VIRTUAL, Workload.DB, 64, k + 1).path("/db").rps(rates[k][1])
                        .latency(0.5, 1.5).dbPool(8, waitMicros).build());
            }
            return records;
        }

        @Test
        void confirmedWhenTheArmsAreWithinTheNoiseAndThePoolWaitIsMuchOfTheLatency() {
            ClaimResult r = evaluate(rule, db(800, new double[] {5000, 5200}, new double[] {5100, 5000}));
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertTrue(r.evidence().stream().anyMatch(e -> e.label().equals("virtual pool wait ms per request, db c64")
                    && e.numbers().equals(List.of(0.8, 0.8))));
        }

        @Test
        void refutedWhenTheThreadModelMattersBeyondTheNoiseInEveryRepeat() {
            ClaimResult r = evaluate(rule, db(800, new double[] {5000, 7000}, new double[] {5000, 6500}));
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
        }

        @Test
        void inconclusiveWhenThePoolIsNotWhereTheTimeGoes() {
            ClaimResult r = evaluate(rule, db(10, new double[] {5000, 5200}, new double[] {5100, 5000}));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.reason());
            assertTrue(r.reason().contains("pool wait is not"), r.reason());
        }

        @Test
        void missingWhenDbWasNotRun() {
            ClaimResult r = evaluate(rule, List.of(Runs.run(VIRTUAL, Workload.PLAINTEXT, 16, 1).build()));
            assertTrue(r.reason().startsWith("missing data: no repeat of db"), r.reason());
        }
    }
}
