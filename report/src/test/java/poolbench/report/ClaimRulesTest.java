package poolbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/** Every claim's rule on records made to confirm it, to refute it, and to leave it undecided. */
class ClaimRulesTest {

    private static final String CLASSIC = KnownArms.CLASSIC;
    private static final String PER_CONNECTION = KnownArms.PER_CONNECTION;
    private static final String VIRTUAL = KnownArms.VIRTUAL;

    /**
     * Requests/s of two arms on one workload, repeat by repeat: {@code rates[k] = {first arm's, second arm's}}, each
     * on a saturated server.
     */
    private static List<RunRecord> rates(String workload, String first, String second, double[]... rates) {
        List<RunRecord> records = new ArrayList<>();
        for (int k = 0; k < rates.length; k++) {
            // A saturated server spends its CPU on the requests it serves: CPU per request is 1 / throughput.
            records.add(Runs.run(first, workload, 16, k + 1).rps(rates[k][0]).cpu(1e6 / rates[k][0]).build());
            records.add(Runs.run(second, workload, 16, k + 1).rps(rates[k][1]).cpu(1e6 / rates[k][1]).build());
        }
        return records;
    }

    /** classic against per-connection on plaintext-close, {classic's, per-connection's} requests/s a repeat. */
    private static List<RunRecord> onCloseClassicVsPerConnection(double[]... rates) {
        return rates(Workload.PLAINTEXT_CLOSE, CLASSIC, PER_CONNECTION, rates);
    }

    private static ClaimResult evaluate(ClaimRule rule, List<RunRecord> records) {
        return rule.evaluate(Runs.set(records));
    }

    @Nested
    class PoolEfficiency {
        final ClaimRule rule = new ThroughputMultipleRule();

        @Test
        void confirmedWhenThePoolServesTwiceAsManyInEveryRepeatOnClose() {
            // Two pairs: their interval is widened by the ±20% few-pairs floor, and 3× stays clear of 2× with it.
            ClaimResult r = evaluate(rule, onCloseClassicVsPerConnection(new double[] {12_000, 4_000},
                    new double[] {9_000, 3_000}));
            assertEquals(Verdict.CONFIRMED, r.verdict());
            assertEquals(List.of(3.0, 3.0), r.evidence().get(0).numbers());
        }

        @Test
        void refutedWhenThePoolIsBelowTwiceInEveryRepeat() {
            ClaimResult r = evaluate(rule, onCloseClassicVsPerConnection(new double[] {10_000, 7_000},
                    new double[] {10_000, 9_000}));
            assertEquals(Verdict.REFUTED, r.verdict());
        }

        @Test
        void inconclusiveWhenTheRepeatsFallOnBothSides() {
            ClaimResult r = evaluate(rule, onCloseClassicVsPerConnection(new double[] {10_000, 4_000},
                    new double[] {10_000, 6_000}));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        }

        @Test
        void inconclusiveAndSaysWhatIsMissingWithoutTheThreadPerConnectionArm() {
            ClaimResult r = evaluate(rule, List.of(Runs.run(CLASSIC, Workload.PLAINTEXT_CLOSE, 16, 1).build()));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("missing data: no plaintext-close runs of both classic and "
                    + "per-connection"), r.reason());
        }

        @Test
        void keepAliveRatioIsShownButDoesNotDecide() {
            List<RunRecord> records = new ArrayList<>(onCloseClassicVsPerConnection(new double[] {10_000, 3_000}));
            records.addAll(rates(Workload.PLAINTEXT, CLASSIC, PER_CONNECTION, new double[] {10_000, 9_000}));
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.CONFIRMED, r.verdict());
            Figure keepAlive = r.evidence().get(1);
            assertEquals(List.of(10_000 / 9_000.0), keepAlive.numbers());
            assertTrue(!keepAlive.decides());
        }
    }

    @Nested
    class BoundedParallelism {
        final ClaimRule rule = new BoundedParallelismRule();

        private RunRecord overload(String arm, int repeat, long peak, long rejected) {
            return Runs.run(arm, Workload.OVERLOAD, 256, repeat).path("/sleep?ms=5").serverArgs("--concurrency", "64")
                    .workers(peak, 0, peak).connections(1_000, rejected).build();
        }

        @Test
        void confirmedWhenWorkersStayWithinTheCapAndOverflowGets503() {
            ClaimResult r = evaluate(rule, List.of(overload(CLASSIC, 1, 64, 500), overload(CLASSIC, 2, 60, 20),
                    Runs.run(PER_CONNECTION, Workload.OVERLOAD, 256, 1).threads(270, 256).build()));
            assertEquals(Verdict.CONFIRMED, r.verdict());
            assertTrue(r.notes().get(0).contains("peaked at 270 live platform threads"), r.notes().toString());
        }

        @Test
        void refutedWhenARepeatHasMoreWorkersThanTheCap() {
            ClaimResult r = evaluate(rule, List.of(overload(CLASSIC, 1, 64, 500), overload(CLASSIC, 2, 65, 500)));
            assertEquals(Verdict.REFUTED, r.verdict());
            assertEquals("a repeat had more workers than the cap", r.reason());
        }

        @Test
        void refutedWhenTheSamplerMissedAPeakThePoolCounted() {
            RunRecord r1 = Runs.run(CLASSIC, Workload.OVERLOAD, 256, 1).serverArgs("--concurrency", "64")
                    .workers(60, 0, 60).poolPeakCounter(70).connections(1_000, 5).build();
            assertEquals(Verdict.REFUTED, evaluate(rule, List.of(r1)).verdict());
        }

        @Test
        void refutedWhenARepeatAnsweredNo503() {
            ClaimResult r = evaluate(rule, List.of(overload(CLASSIC, 1, 64, 0)));
            assertEquals(Verdict.REFUTED, r.verdict());
            assertEquals("a repeat answered no connection with 503", r.reason());
        }

        @Test
        void inconclusiveWhenNothingCouldOverflow() {
            RunRecord underCap = Runs.run(CLASSIC, Workload.OVERLOAD, 32, 1).serverArgs("--concurrency", "64")
                    .workers(32, 0, 32).build();
            ClaimResult r = evaluate(rule, List.of(underCap));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().contains("no more connections than its cap"), r.reason());
        }

        @Test
        void inconclusiveWithoutTheOverloadWorkload() {
            ClaimResult r = evaluate(rule, List.of(Runs.run(CLASSIC, Workload.PLAINTEXT, 16, 1).build()));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertEquals("missing data: no successful overload runs of classic", r.reason());
        }
    }

    @Nested
    class GcPressure {
        final ClaimRule rule = new GcPressureRule();

        private List<RunRecord> alloc(double[]... bytes) {
            List<RunRecord> records = new ArrayList<>();
            for (int k = 0; k < bytes.length; k++) {
                records.add(Runs.run(CLASSIC, Workload.PLAINTEXT_CLOSE, 16, k + 1).close().alloc(bytes[k][0]).build());
                records.add(Runs.run(PER_CONNECTION, Workload.PLAINTEXT_CLOSE, 16, k + 1).close().alloc(bytes[k][1])
                        .build());
            }
            return records;
        }

        @Test
        void confirmedWhenAThreadPerConnectionAllocatesClearlyOverAFifthMoreInEveryRepeat() {
            // Two pairs carry the ±20% few-pairs floor: 2× stays over 1.2× with it, 1.2× itself would not.
            assertEquals(Verdict.CONFIRMED, evaluate(rule, alloc(new double[] {3_000, 60_000},
                    new double[] {3_000, 6_000})).verdict());
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, alloc(new double[] {3_000, 60_000},
                    new double[] {3_000, 3_600})).verdict());
        }

        @Test
        void refutedWhenItAllocatesClearlyLessInEveryRepeat() {
            assertEquals(Verdict.REFUTED, evaluate(rule, alloc(new double[] {3_000, 2_400},
                    new double[] {3_000, 2_000})).verdict());
        }

        @Test
        void inconclusiveBetweenTheThresholds() {
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, alloc(new double[] {3_000, 3_300})).verdict());
        }

        @Test
        void splitsBuffersFromThreadsWhenClassicRanWithConnectionBuffers() {
            List<RunRecord> records = new ArrayList<>(alloc(new double[] {3_000, 60_000}));
            records.add(Runs.run(CLASSIC, "plaintext-close-connbuf", 16, 1).close().buffers("connection")
                    .serverArgs("--buffers", "connection").alloc(27_000).build());
            ClaimResult r = evaluate(rule, records);
            Figure buffers = r.evidence().stream().filter(e -> e.label().startsWith("buffers'")).findFirst()
                    .orElseThrow();
            Figure threads = r.evidence().stream().filter(e -> e.label().startsWith("threads'")).findFirst()
                    .orElseThrow();
            assertEquals(List.of(24_000.0), buffers.numbers());
            assertEquals(List.of(33_000.0), threads.numbers());
            assertTrue(r.notes().get(0).contains("buffers are 42% of the difference"), r.notes().get(0));
        }

        @Test
        void saysBuffersCannotBeSeparatedWithoutAConnectionBufferRun() {
            ClaimResult r = evaluate(rule, alloc(new double[] {3_000, 60_000}));
            assertTrue(r.notes().get(0).startsWith("Buffers vs threads: no plaintext-close run of classic with "
                    + "--buffers connection"), r.notes().get(0));
        }
    }

    @Nested
    class GrowAndReap {
        final ClaimRule rule = new GrowAndReapRule();

        private RunRecord burst(int repeat, long started, long reaped, long aliveAtEnd) {
            return Runs.run(CLASSIC, Workload.BURST, 128, repeat).path("/sleep?ms=2")
                    .workers(128, 0, 128).lifecycle(started, reaped, aliveAtEnd).build();
        }

        @Test
        void confirmedWhenThePoolGrewReapedAndEndedBelowItsPeak() {
            assertEquals(Verdict.CONFIRMED, evaluate(rule, List.of(burst(1, 128, 127, 1), burst(2, 128, 120, 8)))
                    .verdict());
        }

        @Test
        void refutedWhenARepeatReapedNone() {
            ClaimResult r = evaluate(rule, List.of(burst(1, 128, 127, 1), burst(2, 128, 0, 128)));
            assertEquals(Verdict.REFUTED, r.verdict());
            assertEquals("a repeat reaped no worker", r.reason());
        }

        @Test
        void inconclusiveWhenWorkersWereReapedButAsManyWereAliveAtTheEnd() {
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, List.of(burst(1, 256, 128, 128))).verdict());
        }

        @Test
        void inconclusiveWithoutTheBurstWorkload() {
            assertEquals("missing data: no successful burst runs of classic",
                    evaluate(rule, List.of(Runs.run(CLASSIC, Workload.PLAINTEXT, 16, 1).build())).reason());
        }
    }

    @Nested
    class WorkerReuse {
        final ClaimRule rule = new WorkerReuseRule();

        private RunRecord close(int repeat, long accepted, long aliveBefore, long startedInWindow) {
            return Runs.run(CLASSIC, Workload.PLAINTEXT_CLOSE, 16, repeat).close()
                    .workers(aliveBefore, startedInWindow, aliveBefore + startedInWindow).connections(accepted, 0)
                    .build();
        }

        @Test
        void confirmedWhenEachWorkerServedTenConnectionsOrMore() {
            ClaimResult r = evaluate(rule, List.of(close(1, 16_000, 16, 0), close(2, 1_600, 8, 8)));
            assertEquals(Verdict.CONFIRMED, r.verdict());
            assertEquals(List.of(1_000.0, 100.0), r.evidence().get(0).numbers());
        }

        @Test
        void refutedWhenWorkersServedFewerThanTenEachInEveryRepeat() {
            assertEquals(Verdict.REFUTED, evaluate(rule, List.of(close(1, 100, 16, 0))).verdict());
        }

        @Test
        void inconclusiveWhenRepeatsDisagree() {
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, List.of(close(1, 16_000, 16, 0), close(2, 100, 16, 0)))
                    .verdict());
        }
    }

    @Nested
    class VirtualThreads {
        final ClaimRule rule = new VirtualThreadsRule();

        /** Three repeats of each workload at the given virtual ÷ classic ratio: enough pairs for their own spread. */
        private List<RunRecord> threeWorkloads(double keepAlive, double close, double sleep) {
            List<RunRecord> records = new ArrayList<>();
            records.addAll(rates(Workload.PLAINTEXT, VIRTUAL, CLASSIC, threeTimes(keepAlive * 10_000, 10_000)));
            records.addAll(rates(Workload.PLAINTEXT_CLOSE, VIRTUAL, CLASSIC, threeTimes(close * 5_000, 5_000)));
            records.addAll(rates(Workload.SLEEP, VIRTUAL, CLASSIC, threeTimes(sleep * 8_000, 8_000)));
            return records;
        }

        private double[][] threeTimes(double virtual, double classic) {
            return new double[][] {{virtual, classic}, {virtual, classic}, {virtual, classic}};
        }

        @Test
        void confirmedWhenVirtualThreadsKeepUpOnEveryWorkload() {
            assertEquals(Verdict.CONFIRMED, evaluate(rule, threeWorkloads(0.95, 1.0, 1.2)).verdict());
        }

        @Test
        void refutedWhenOneWorkloadFallsBelowInEveryRepeat() {
            ClaimResult r = evaluate(rule, threeWorkloads(1.0, 0.5, 1.0));
            assertEquals(Verdict.REFUTED, r.verdict());
            assertTrue(r.reason().contains("plaintext-close"), r.reason());
        }

        @Test
        void inconclusiveWhenAWorkloadIsMissingAndNoneRefutes() {
            List<RunRecord> records = new ArrayList<>();
            records.addAll(rates(Workload.PLAINTEXT, VIRTUAL, CLASSIC, new double[] {10_000, 10_000}));
            records.addAll(rates(Workload.PLAINTEXT_CLOSE, VIRTUAL, CLASSIC, new double[] {5_000, 5_000}));
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("missing data: no paired virtual and classic runs of sleep"), r.reason());
        }

        @Test
        void inconclusiveWhenAWorkloadsRepeatsFallOnBothSides() {
            List<RunRecord> records = new ArrayList<>(threeWorkloads(1.0, 1.0, 1.0));
            records.addAll(List.of(Runs.run(VIRTUAL, Workload.SLEEP, 16, 4).rps(5_000).build(),
                    Runs.run(CLASSIC, Workload.SLEEP, 16, 4).rps(8_000).build()));
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, records).verdict());
        }
    }

    @Nested
    class MixedLoad {
        final ClaimRule rule = new MixedLoadRule();

        /** One repeat per pair: the light requests' latencies from 0.1 ms to {@code virtualToMs} and {@code classicToMs}. */
        private List<RunRecord> mixed(double[]... virtualAndClassicToMs) {
            List<RunRecord> records = new ArrayList<>();
            for (int k = 0; k < virtualAndClassicToMs.length; k++) {
                records.add(Runs.run(VIRTUAL, Workload.MIXED, 62, k + 1).latency(0.1, virtualAndClassicToMs[k][0])
                        .build());
                records.add(Runs.run(CLASSIC, Workload.MIXED, 62, k + 1).latency(0.1, virtualAndClassicToMs[k][1])
                        .build());
            }
            return records;
        }

        @Test
        void confirmedWhenTheIntervalOfVirtualsLightRequestP99OverClassicsIsWhollyWithinTheThreshold() {
            ClaimResult r = evaluate(rule, mixed(new double[] {2.2, 2}, new double[] {1.9, 2}));
            assertEquals(Verdict.CONFIRMED, r.verdict());
            assertTrue(r.evidence().stream().anyMatch(e -> e.label().equals("light-request p99 ms (timeouts included), virtual")
                    && e.values().size() == 2), "every arm's light p99 is shown");
        }

        @Test
        void refutedWhenLightRequestsWaitBehindHeavyOnesSoTheWholeIntervalIsAbove() {
            ClaimResult r = evaluate(rule, mixed(new double[] {20, 2}, new double[] {9, 2}));
            assertEquals(Verdict.REFUTED, r.verdict());
            assertTrue(r.reason().endsWith("is wholly > 1.50"), r.reason());
        }

        @Test
        void inconclusiveWhenTheIntervalStraddlesTheThreshold() {
            assertEquals(Verdict.INCONCLUSIVE, evaluate(rule, mixed(new double[] {20, 2}, new double[] {2, 2}))
                    .verdict());
        }

        /** What the quick suite measured on 2026-12-02: the heavy group held virtual's only carrier throughout. */
        @Test
        void refutedWhenVirtualsLightRequestsAllTimedOutThoughNoneWasAnsweredToHaveALatency() {
            List<RunRecord> records = new ArrayList<>();
            for (int k = 1; k <= 2; k++) {
                records.add(Runs.run(VIRTUAL, Workload.MIXED, 62, k).rps(0).timeouts(124).build());
                records.add(Runs.run(CLASSIC, Workload.MIXED, 62, k).latency(0.1, 6).build());
            }
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.evidence().stream().anyMatch(e -> e.label().contains("virtual") && e.values().stream()
                    .allMatch(v -> v.value() == 2_000)), "timed-out light requests count as the 2 s timeout");
        }

        @Test
        void missingWithoutPairedMixedRuns() {
            List<RunRecord> records = List.of(Runs.run(VIRTUAL, Workload.MIXED, 62, 1).build(),
                    Runs.run(CLASSIC, Workload.PLAINTEXT, 62, 1).build());
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertEquals("missing data: no paired virtual and classic runs of mixed", r.reason());
        }

        @Test
        void theRuleSaysWhatItReadsAndItsThreshold() {
            assertTrue(rule.rule().contains("light requests' p99") && rule.rule().contains("≤ 1.5"), rule.rule());
            assertEquals(10, rule.number());
        }
    }

    @Nested
    class GoComparison {
        final ClaimRule rule = new GoComparisonRule();

        @Test
        void inconclusiveAndSaysHowToIncludeTheGoArmsWhenTheyDidNotRun() {
            ClaimResult r = evaluate(rule, onCloseClassicVsPerConnection(new double[] {10_000, 4_000}));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().contains("the Go arms were not in this run"), r.reason());
            assertTrue(r.reason().contains("--arms"), r.reason());
        }

        @Test
        void confirmedForFasthttpAndComparedWithJavaWorkloadByWorkload() {
            List<RunRecord> records = new ArrayList<>(rates(Workload.PLAINTEXT_CLOSE, KnownArms.GO_FASTHTTP,
                    KnownArms.GO_NETHTTP, new double[] {12_000, 4_000}));
            records.addAll(onCloseClassicVsPerConnection(new double[] {10_000, 4_000}));
            records.addAll(rates(Workload.PLAINTEXT, KnownArms.GO_FASTHTTP, KnownArms.GO_NETHTTP,
                    new double[] {60_000, 30_000}));
            records.addAll(rates(Workload.PLAINTEXT, CLASSIC, PER_CONNECTION, new double[] {50_000, 48_000}));
            ClaimResult r = evaluate(rule, records);
            assertEquals(Verdict.CONFIRMED, r.verdict());
            // One pair each: every summary carries the few-pairs floor's interval.
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("plaintext: Go 2.00× (one repeat)")
                    && n.contains("Java 1.04× (one repeat)") && n.endsWith("— a different answer.")), r.notes().toString());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("plaintext-close: Go 3.00× (one repeat)")
                    && n.contains("Java 2.50× (one repeat)") && n.endsWith("— the same answer.")), r.notes().toString());
        }

        @Test
        void refutedWhenFasthttpIsLessThanTwiceAsFastOnClose() {
            List<RunRecord> records = rates(Workload.PLAINTEXT_CLOSE, KnownArms.GO_FASTHTTP, KnownArms.GO_NETHTTP,
                    new double[] {12_000, 10_000});
            assertEquals(Verdict.REFUTED, evaluate(rule, records).verdict());
        }
    }

    @Test
    void everyValueNeedsEveryRepeatToAgreeAndANumber() {
        Threshold twice = Threshold.atLeast(2);
        assertEquals(Verdict.CONFIRMED, twice.verdict(Figure.of(List.of(3.0, 2.0)), Per.REPEAT));
        assertEquals(Verdict.REFUTED, twice.verdict(Figure.of(List.of(1.0, 1.9)), Per.REPEAT));
        assertEquals(Verdict.INCONCLUSIVE, twice.verdict(Figure.of(List.of(1.0, 2.0)), Per.REPEAT));
        assertEquals(Verdict.INCONCLUSIVE, twice.verdict(Figure.of(List.of(3.0, Double.NaN)), Per.REPEAT));
        assertEquals(Verdict.INCONCLUSIVE, twice.verdict(Figure.of(List.of()), Per.REPEAT));
    }

    @Test
    void aThresholdPrintsTheSameNumbersItApplies() {
        assertEquals("confirmed when ≥ 1.20 in every repeat, refuted when ≤ 1.00 in every repeat, otherwise "
                + "inconclusive", Threshold.band(1.2, 1.0).rule(Per.REPEAT));
        assertTrue(Threshold.atLeast(2).rule(Per.PAIR).contains("whole 95% interval"));
        assertEquals("≥ 2.00 in all 2 repeats", Threshold.atLeast(2).reason(Verdict.CONFIRMED,
                Figure.of(List.of(3.0, 2.0)), Per.REPEAT));
    }

    /** Paired ratios are judged by the 95% interval of their geometric mean, not pair by pair. */
    @Nested
    class IntervalVerdicts {
        final Threshold twice = Threshold.atLeast(2);

        private Figure pairs(double... ratios) {
            return Runs.pairs(ratios);
        }

        @Test
        void confirmedWhenTheWholeIntervalIsAboveTheThreshold() {
            Figure f = pairs(2.4, 2.6, 2.5, 2.7, 2.3);
            assertTrue(f.interval().low() >= 2, f.summary());
            assertEquals(Verdict.CONFIRMED, twice.verdict(f, Per.PAIR));
            assertTrue(twice.reason(Verdict.CONFIRMED, f, Per.PAIR).endsWith("is wholly ≥ 2.00"));
        }

        @Test
        void refutedWhenTheWholeIntervalIsBelowIt() {
            Figure f = pairs(1.1, 1.3, 1.2);
            assertEquals(Verdict.REFUTED, twice.verdict(f, Per.PAIR));
            assertTrue(twice.reason(Verdict.REFUTED, f, Per.PAIR).endsWith("is wholly < 2.00"));
        }

        @Test
        void inconclusiveNamesTheIntervalThatStraddles() {
            Figure f = pairs(1.6, 2.6, 2.1);
            assertEquals(Verdict.INCONCLUSIVE, twice.verdict(f, Per.PAIR));
            String reason = twice.reason(Verdict.INCONCLUSIVE, f, Per.PAIR);
            assertTrue(reason.startsWith("the 95% interval " + f.interval().text(Numbers::ratio)), reason);
            assertTrue(reason.endsWith("straddles 2.00"), reason);
        }

        @Test
        void theAaNoiseFloorWidensAnIntervalIntoAStraddle() {
            Figure f = pairs(2.2, 2.3, 2.25);
            assertEquals(Verdict.CONFIRMED, twice.verdict(f, Per.PAIR));
            assertEquals(Verdict.INCONCLUSIVE, twice.verdict(f.withNoise(0.15), Per.PAIR));
            assertEquals(f.interval().low() * 0.85, f.withNoise(0.15).interval().low(), 1e-12);
        }

        @Test
        void aThresholdThatConfirmsLowValuesNeedsTheWholeIntervalBelowIt() {
            Threshold asPromptly = Threshold.atMost(1.2);
            assertEquals(Verdict.CONFIRMED, asPromptly.verdict(pairs(1.0, 1.1, 1.05), Per.PAIR));
            assertEquals(Verdict.REFUTED, asPromptly.verdict(pairs(1.5, 1.6, 1.7), Per.PAIR));
            assertEquals(Verdict.INCONCLUSIVE, asPromptly.verdict(pairs(0.9, 1.5, 1.2), Per.PAIR));
            assertEquals("confirmed when ≤ 1.20 in every repeat, refuted when > 1.20 in every repeat, otherwise "
                    + "inconclusive", asPromptly.rule(Per.REPEAT));
            assertEquals("< 1.10", Threshold.below(1.1).confirmText());
        }

        @Test
        void theIntervalIsReproducible() {
            assertEquals(pairs(1.6, 2.6, 2.1).interval(), pairs(1.6, 2.6, 2.1).interval());
        }

        @Test
        void theGeometricMeanOfReciprocalRatiosIsOne() {
            assertEquals(1.0, pairs(2.0, 0.5).geometricMean(), 1e-12);
        }
    }
}
