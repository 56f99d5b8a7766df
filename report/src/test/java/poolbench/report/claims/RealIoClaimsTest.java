package poolbench.report.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.report.documents.Markdown;
import poolbench.report.documents.SweepTable;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Launches;
import poolbench.report.run.RunSet;
import poolbench.report.run.Runs;

/** Pooled virtual threads by heap, and the database, on launch records made to go each way. */
class RealIoClaimsTest {

    private static final String VIRTUAL = KnownArms.VIRTUAL;
    private static final String POOLED = KnownArms.VIRTUAL_POOLED;

    @Nested
    class PooledVirtualThreadsByHeap {

        private final PooledVirtualHeapRule rule = new PooledVirtualHeapRule();

        /** The sweep's sleep comparison at one heap under parallel: pooled's CPU as a multiple of virtual's. */
        private List<LaunchRecord> at(String heap, double pooledOverVirtual) {
            return Launches.comparison(Workload.SLEEP, 1000).jvm(heap, "parallel")
                    .arm(VIRTUAL, ClaimRulesTest.cpu(100, 0.02, 0))
                    .arm(POOLED, ClaimRulesTest.cpu(100 * pooledOverVirtual, 0.02, 1))
                    .arm(KnownArms.CLASSIC, ClaimRulesTest.cpu(90, 0.02, 2)).build();
        }

        private ClaimResult sweep(double on4g, double on1g, double on256m) {
            List<LaunchRecord> records = new ArrayList<>(at("4g", on4g));
            records.addAll(at("1g", on1g));
            records.addAll(at("256m", on256m));
            return rule.evaluate(Runs.compared(records));
        }

        @Test
        void quarkusFindingIsConfirmedWhenPoolingPaysOnTheLargestHeapAndHurtsOnTheSmallest() {
            ClaimResult r = sweep(0.88, 1.0, 1.5);
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertEquals(List.of("sleep-c1000-4g-parallel", "sleep-c1000-256m-parallel"), r.deciding().stream()
                    .map(s -> s.comparison().id()).toList());
            assertEquals(3, r.shown().size(), "every heap is shown");
            assertTrue(r.deciding().get(0).points().get(0).reason().contains("no A/A arm"),
                    "the sweep has no A/A arm, and the verdict says so");
            assertTrue(r.notes().get(0).contains("full GCs"), r.notes().toString());
            assertTrue(r.rule().contains("≥ 1.05") && r.rule().contains("≤ 0.95"), r.rule());
        }

        @Test
        void refutedWhenPoolingNeverHurtsOnTheSmallHeap() {
            ClaimResult r = sweep(0.88, 1.0, 1.0);
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.reason().contains("256m parallel"), r.reason());
        }

        @Test
        void refutedWhenPoolingDoesNotPayOnTheLargeHeap() {
            assertEquals(Verdict.REFUTED, sweep(1.2, 1.0, 1.5).verdict());
        }

        @Test
        void onlyRatesBothArmsSustainedCount() {
            List<LaunchRecord> records = new ArrayList<>(at("4g", 0.88));
            records.addAll(Launches.comparison(Workload.SLEEP, 1000).jvm("256m", "parallel").launches(3)
                    .arm(VIRTUAL, ClaimRulesTest.cpu(100, 0.02, 0))
                    .arm(POOLED, (step, launch) -> Launches.Cell.cpu(150).notSustained()).build());
            ClaimResult r = rule.evaluate(Runs.compared(records));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.reason());
            PointVerdict small = r.deciding().get(1).points().get(0);
            assertEquals(0, small.effect().launches());
            assertTrue(small.gaps().stream().allMatch(g -> g.contains("virtual-pooled: not sustained")), small.gaps()
                    .toString());
        }

        @Test
        void missingWithoutASweep() {
            ClaimResult r = rule.evaluate(Runs.compared(Launches.comparison(Workload.SLEEP, 1000)
                    .arm(VIRTUAL, Launches.Cell.cpu(100)).arm(POOLED, Launches.Cell.cpu(100)).build()));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("missing data: no heap × collector sweep of sleep with two heaps"),
                    r.reason());
        }

        /** Single runs at each setting: the sweep table, kept apart from the default runs. */
        private List<RunRecord> singleRuns(String heap, double[]... rates) {
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
        void theSweepTableSetsEachHeapAndCollectorBesideQuarkus() {
            List<RunRecord> records = new ArrayList<>(singleRuns("4g", new double[] {1135, 1000},
                    new double[] {1140, 1000}));
            records.addAll(singleRuns("256m", new double[] {660, 1000}, new double[] {700, 1000}));
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
        void sweepRunsStayOutOfTheDefaultIndex() {
            List<RunRecord> mixed = new ArrayList<>(List.of(Runs.run(POOLED, Workload.SLEEP, 1000, 1).build(),
                    Runs.run(VIRTUAL, Workload.SLEEP, 1000, 1).build()));
            mixed.addAll(singleRuns("4g", new double[] {1135, 1000}));
            RunSet set = Runs.set(mixed);
            assertEquals(2, set.swept().size());
            assertEquals(List.of(Workload.SLEEP), set.workloads(), "sweep runs do not join the default points");
        }
    }

    @Nested
    class DatabasePool {

        private final DatabasePoolRule rule = new DatabasePoolRule();

        /** db with classic, its A/A twin (launch noise {@code aaSpread}) and the four other arms at a CPU each. */
        private ClaimResult db(double aaSpread, double virtualOverClassic) {
            Launches.Comparison c = Launches.comparison(Workload.DB, 64)
                    .arm(KnownArms.CLASSIC, (s, l) -> Launches.Cell.cpu(200 * Launches.noise(l, 0.02))
                            .dbWait(1_500).loadSideTicks(30).databaseTicks(20))
                    .arm(KnownArms.CLASSIC_AA, (s, l) -> Launches.Cell.cpu(200 * Launches.noise(l + 2, aaSpread))
                            .dbWait(1_500));
            int shift = 3;
            for (String arm : DatabasePoolRule.ARMS) {
                double factor = arm.equals(VIRTUAL) ? virtualOverClassic : 1.0;
                int s0 = shift++;
                c.arm(arm, (s, l) -> Launches.Cell.cpu(200 * factor * Launches.noise(l + s0, 0.02)).dbWait(1_500));
            }
            return rule.evaluate(Runs.set(List.of(), c.build(), Runs.accountedEnvironment()));
        }

        @Test
        void confirmedWhenEveryArmLiesWithinATightAaNoise() {
            ClaimResult r = db(0.01, 1.0);
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertEquals(8, r.deciding().size(), "CPU and p99 of four arms against classic");
        }

        @Test
        void inconclusiveWhenTheArmsDifferByLessThanTheirAaNoise() {
            // Virtual costs 30% more, but classic against itself moves by more than that.
            ClaimResult r = db(0.4, 1.3);
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.reason());
            assertTrue(r.reason().contains("wider than the ±10% asked about"), r.reason());
        }

        @Test
        void refutedWhenAnArmDiffersClearlyBeyondATightAaNoise() {
            ClaimResult r = db(0.01, 1.5);
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.reason().contains("virtual ÷ classic server CPU µs per request, db"), r.reason());
        }

        @Test
        void postgresqlsCpuIsShownAloneAndWithTheLoadSideAndThePoolWaitIsShown() {
            ClaimResult r = db(0.01, 1.0);
            // PostgreSQL's part: 20 ticks of 10 ms in each of two windows of 1,000 requests, 200 µs a request.
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("PostgreSQL's own CPU per request (its "
                    + "processes' ticks, median over launches) is classic 200 µs")), r.notes().toString());
            // Classic's load side: 30 ticks of 10 ms in each of two windows of 1,000 requests, 300 µs a request.
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("the load side's CPU per request (median over "
                    + "launches) is classic 300 µs")), r.notes().toString());
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("the wait for a pooled connection is")),
                    r.notes().toString());
        }

        @Test
        void missingWhenDbWasNotRun() {
            ClaimResult r = rule.evaluate(Runs.compared(Launches.comparison(Workload.PLAINTEXT, 16)
                    .arm(KnownArms.CLASSIC, Launches.Cell.cpu(100)).build()));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("missing data: no db comparison in this run"), r.reason());
        }
    }
}
