package poolbench.report.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.Environment;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.report.run.Interval;
import poolbench.report.run.JmhResults;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Launches;
import poolbench.report.run.OperatingPoints;
import poolbench.report.run.RunSet;
import poolbench.report.run.Runs;

/**
 * Every claim's rule on records made to go each way: a demonstration shown and not shown, a measured rule confirmed
 * and refuted (and left undecided, and depending on the load), each by a fixture of launch records.
 */
public class ClaimRulesTest {

    private static final String CLASSIC = KnownArms.CLASSIC;
    private static final String AA = KnownArms.CLASSIC_AA;
    private static final String PER_CONNECTION = KnownArms.PER_CONNECTION;
    private static final String VIRTUAL = KnownArms.VIRTUAL;

    private static ClaimResult evaluate(ClaimRule rule, List<RunRecord> records) {
        return rule.evaluate(Runs.set(records));
    }

    private static ClaimResult evaluate(ClaimRule rule, Launches.Comparison... comparisons) {
        List<LaunchRecord> records = new ArrayList<>();
        for (Launches.Comparison c : comparisons) {
            records.addAll(c.build());
        }
        return rule.evaluate(Runs.compared(records));
    }

    /** CPU µs per request {@code base}, moved launch by launch by ±{@code spread} (log scale) in a known pattern. */
    public static Launches.Cells cpu(double base, double spread, int shift) {
        return (step, launch) -> Launches.Cell.cpu(base * Launches.noise(launch + shift, spread));
    }

    /** Classic and its A/A twin at 100 µs, a few percent apart launch by launch. */
    public static Launches.Comparison withClassicAndAa(String workload) {
        return Launches.comparison(workload, 16).arm(CLASSIC, cpu(100, 0.03, 0)).arm(AA, cpu(100, 0.03, 2));
    }

    @Nested
    class PoolEfficiency {
        final ClaimRule rule = new PoolEfficiencyRule();

        private Launches.Comparison close(Launches.Cells perConnection) {
            return withClassicAndAa(Workload.PLAINTEXT_CLOSE).arm(PER_CONNECTION, perConnection);
        }

        @Test
        void confirmedWhenAThreadPerConnectionCostsThreeTimesTheCpuAtEveryRate() {
            ClaimResult r = evaluate(rule, close(cpu(300, 0.05, 1)).capacity(PER_CONNECTION, 4_000, true));
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertEquals(3, r.deciding().get(0).points().size(), "a verdict per step of the ladder");
            PointVerdict first = r.deciding().get(0).points().get(0);
            assertEquals(5, first.effect().launches());
            assertTrue(first.judged().low() < first.effect().interval().low(), "the A/A reach widens the interval");
            assertTrue(first.point().text().startsWith("at 1,000 req/s, 25% of"), first.point().text());
        }

        @Test
        void refutedWhenItCostsLessThanTwiceAtEveryRate() {
            ClaimResult r = evaluate(rule, close(cpu(150, 0.05, 1)));
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.reason().startsWith("refuted at every step of per-connection ÷ classic server CPU µs per "
                    + "request, plaintext-close, 16 connections: 1.5"), r.reason());
        }

        @Test
        void dependsOnTheLoadAndNamesTheCrossoverWhenTheAnswerTurnsAlongTheLadder() {
            double[] perConnection = {300, 250, 150};
            ClaimResult r = evaluate(rule, close((step, launch) -> Launches.Cell.cpu(perConnection[step]
                    * Launches.noise(launch + 1, 0.03))));
            assertEquals(Verdict.DEPENDS, r.verdict(), r.reason());
            // ln 2.5 → ln 1.5 crosses ln 2 at 0.44 of the way from 2,000 to 3,200 req/s.
            assertTrue(r.reason().contains("confirmed below about 2,52"), r.reason());
            assertTrue(r.reason().contains("refuted above (it turns between 2,000 req/s and 3,200 req/s)"),
                    r.reason());
        }

        @Test
        void inconclusiveWhenTheAaNoiseIsWiderThanTheMarginOverTheThreshold() {
            ClaimResult r = evaluate(rule, Launches.comparison(Workload.PLAINTEXT_CLOSE, 16)
                    .arm(CLASSIC, cpu(100, 0.03, 0)).arm(AA, cpu(100, 0.4, 2)).arm(PER_CONNECTION, cpu(260, 0.03, 1)));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.reason());
            PointVerdict p = r.deciding().get(0).points().get(0);
            assertTrue(p.effect().interval().low() > 2, "the arms alone clear 2×");
            assertTrue(p.reason().contains("widened by the A/A reach") && p.reason().endsWith("straddles 2.00"),
                    p.reason());
        }

        @Test
        void noIntervalAndSoNoVerdictFromTwoLaunches() {
            ClaimResult r = evaluate(rule, close(cpu(300, 0.05, 1)).launches(2));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().contains("no interval from fewer than 3"), r.reason());
        }

        @Test
        void aStepNotSustainedGivesNoValueAndTheGapIsNamed() {
            ClaimResult r = evaluate(rule, close((step, launch) -> step == 2 ? Launches.Cell.cpu(300).notSustained()
                    : Launches.Cell.cpu(300 * Launches.noise(launch, 0.05))));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.reason());
            PointVerdict top = r.deciding().get(0).points().get(2);
            assertEquals(0, top.effect().launches());
            assertTrue(top.gaps().get(0).startsWith("launches 1, 2, 3, 4, 5, per-connection: not sustained (2 of 2 "
                    + "windows; achieved 1,600 of 3,200 req/s"), top.gaps().toString());
            assertEquals(Verdict.CONFIRMED, r.deciding().get(0).points().get(0).verdict());
        }

        @Test
        void keepAliveIsShownBesideAndCapacityWhereBothAreServerBound() {
            ClaimResult r = evaluate(rule, close(cpu(300, 0.05, 1)).capacity(CLASSIC, 12_000, true)
                    .capacity(PER_CONNECTION, 4_000, true), Launches.comparison(Workload.PLAINTEXT, 16)
                    .arm(CLASSIC, cpu(50, 0.02, 0)).arm(PER_CONNECTION, cpu(55, 0.02, 1)));
            assertEquals(Verdict.CONFIRMED, r.verdict());
            assertEquals(1, r.deciding().size());
            assertEquals(Workload.PLAINTEXT, r.shown().get(0).comparison().workload());
            assertTrue(r.notes().get(0).contains("so classic ÷ per-connection 3.00×"), r.notes().toString());
        }

        @Test
        void inconclusiveAndSaysWhatIsMissing() {
            ClaimResult old = evaluate(rule, List.of(Runs.run(CLASSIC, Workload.PLAINTEXT_CLOSE, 16, 1).build()));
            assertEquals(Verdict.INCONCLUSIVE, old.verdict());
            assertTrue(old.reason().startsWith("missing data: no comparison in this run (only single runs in raw/"),
                    old.reason());
            ClaimResult noArm = evaluate(rule, withClassicAndAa(Workload.PLAINTEXT_CLOSE).arm(VIRTUAL,
                    cpu(100, 0.03, 1)));
            assertEquals("missing data: plaintext-close-c16 has no per-connection", noArm.reason());
        }

        @Test
        void theRuleIsItsDecisionsSentence() {
            assertTrue(rule.rule().contains(PoolEfficiencyRule.DECIDES.sentence()), rule.rule());
            assertTrue(rule.rule().contains("per-connection ÷ classic server CPU µs per request on plaintext-close"),
                    rule.rule());
            assertTrue(rule.rule().contains("on plaintext-close: confirmed when ≥ 2.00, refuted when wholly < 2.00"),
                    rule.rule());
            assertTrue(rule.rule().contains("widened on both sides by how far the comparison's A/A interval"),
                    rule.rule());
        }
    }

    @Nested
    class GcPressure {
        final ClaimRule rule = new GcPressureRule();

        private ClaimResult alloc(double classic, double perConnection) {
            return evaluate(rule, Launches.comparison(Workload.PLAINTEXT_CLOSE, 16)
                    .arm(CLASSIC, (s, l) -> Launches.Cell.cpu(100).alloc(classic * Launches.noise(l, 0.02)))
                    .arm(AA, (s, l) -> Launches.Cell.cpu(100).alloc(classic * Launches.noise(l + 2, 0.02)))
                    .arm(PER_CONNECTION, (s, l) -> Launches.Cell.cpu(300).alloc(perConnection
                            * Launches.noise(l + 1, 0.02))));
        }

        @Test
        void confirmedWhenAThreadPerConnectionAllocatesClearlyMoreAtEveryRate() {
            assertEquals(Verdict.CONFIRMED, alloc(3_000, 60_000).verdict());
        }

        @Test
        void refutedWhenItAllocatesLessAtEveryRate() {
            assertEquals(Verdict.REFUTED, alloc(3_000, 2_400).verdict());
        }

        @Test
        void inconclusiveBetweenTheThresholds() {
            assertEquals(Verdict.INCONCLUSIVE, alloc(3_000, 3_300).verdict());
        }

        @Test
        void splitsBuffersFromThreadsWithAConnectionBufferRunBesideTheComparison() {
            List<LaunchRecord> launches = Launches.comparison(Workload.PLAINTEXT_CLOSE, 16).launches(3)
                    .arm(CLASSIC, Launches.Cell.cpu(100).alloc(3_000))
                    .arm(PER_CONNECTION, Launches.Cell.cpu(300).alloc(60_000)).build();
            RunRecord connectionBuffers = Runs.run(CLASSIC, "plaintext-close-connbuf", 16, 1).close()
                    .buffers("connection").serverArgs("--buffers", "connection").alloc(27_000).build();
            ClaimResult r = rule.evaluate(Runs.set(List.of(connectionBuffers), launches));
            assertTrue(r.notes().get(0).contains("buffers account for 24,000 B and the thread for 33,000 B"),
                    r.notes().get(0));
            assertTrue(r.notes().get(0).contains("buffers are 42% of the difference"), r.notes().get(0));
        }

        @Test
        void saysBuffersCannotBeSeparatedWithoutAConnectionBufferRun() {
            ClaimResult r = alloc(3_000, 60_000);
            assertTrue(r.notes().get(0).startsWith("Buffers vs threads: no Connection: close run of classic with "
                    + "--buffers connection"), r.notes().get(0));
        }
    }

    @Nested
    class VirtualThreads {
        final ClaimRule rule = new VirtualThreadsRule();

        /** Virtual's CPU at each step as a multiple of classic's, on one workload; equal latencies. */
        private Launches.Comparison on(String workload, double... virtualOverClassic) {
            return withClassicAndAa(workload).arm(VIRTUAL, (step, launch) -> Launches.Cell.cpu(100
                    * virtualOverClassic[Math.min(step, virtualOverClassic.length - 1)]
                    * Launches.noise(launch + 1, 0.02)));
        }

        @Test
        void confirmedWhenVirtualThreadsCostAboutWhatThePoolCostsEverywhere() {
            ClaimResult r = evaluate(rule, on(Workload.PLAINTEXT, 0.9), on(Workload.PLAINTEXT_CLOSE, 1.0),
                    on(Workload.SLEEP, 0.95));
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertEquals(6, r.deciding().size(), "CPU and p99 on each of the three workloads");
        }

        @Test
        void refutedWhenOneWorkloadCostsClearlyMoreAtEveryRate() {
            ClaimResult r = evaluate(rule, on(Workload.PLAINTEXT, 1.0), on(Workload.PLAINTEXT_CLOSE, 1.5),
                    on(Workload.SLEEP, 1.0));
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.reason().contains("server CPU µs per request, plaintext-close"), r.reason());
        }

        @Test
        void refutedOnLatencyAloneWhenVirtualsP99IsClearlyWorse() {
            Launches.Comparison slowTail = withClassicAndAa(Workload.SLEEP).arm(VIRTUAL, (step, launch) ->
                    Launches.Cell.cpu(100 * Launches.noise(launch + 1, 0.02)).latency(0.1, 8));
            ClaimResult r = evaluate(rule, on(Workload.PLAINTEXT, 1.0), on(Workload.PLAINTEXT_CLOSE, 1.0), slowTail);
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.reason().contains("p99 latency, sleep"), r.reason());
        }

        @Test
        void dependsOnTheLoadWhenVirtualCostsMoreAtLowRatesAndLessAtHighOnes() {
            ClaimResult r = evaluate(rule, on(Workload.PLAINTEXT, 1.3, 1.0, 0.8), on(Workload.PLAINTEXT_CLOSE, 1.0),
                    on(Workload.SLEEP, 1.0));
            assertEquals(Verdict.DEPENDS, r.verdict(), r.reason());
            assertTrue(r.reason().contains("virtual ÷ classic server CPU µs per request, plaintext, 16 connections: "
                    + "refuted below about"), r.reason());
            assertTrue(r.reason().contains("confirmed above (it turns between 1,000 req/s and 2,000 req/s)"),
                    r.reason());
        }

        @Test
        void inconclusiveWhenAWorkloadIsMissingAndNoneRefutes() {
            ClaimResult r = evaluate(rule, on(Workload.PLAINTEXT, 1.0), on(Workload.PLAINTEXT_CLOSE, 1.0));
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("not every part has its data (no sleep comparison in this run)"),
                    r.reason());
        }
    }

    @Nested
    class GoComparison {
        final ClaimRule rule = new GoComparisonRule();

        private Launches.Comparison close(double netHttp) {
            return withClassicAndAa(Workload.PLAINTEXT_CLOSE).arm(PER_CONNECTION, cpu(300, 0.03, 1))
                    .arm(KnownArms.GO_FASTHTTP, cpu(100, 0.03, 3)).arm(KnownArms.GO_NETHTTP, cpu(netHttp, 0.03, 4));
        }

        @Test
        void confirmedForFasthttpAndSetBesideJavasAnswerAtEachRate() {
            ClaimResult r = evaluate(rule, close(300));
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertEquals(3, r.notes().size());
            assertTrue(r.notes().get(0).startsWith("at 1,000 req/s") && r.notes().get(0).endsWith(
                    "— the same answer."), r.notes().get(0));
        }

        @Test
        void refutedWhenNetHttpCostsLessThanTwiceFasthttpsCpu() {
            ClaimResult r = evaluate(rule, close(150));
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.notes().get(0).endsWith("— a different answer."), r.notes().get(0));
        }

        @Test
        void noDataWhenGoWasNotInstalledSaysSoFromTheEnvironment() {
            Environment env = new Environment("2026-12-02T10:00:00Z", "fixture1", "Test CPU", 2, "6.1.0", "Linux",
                    "Eclipse Adoptium", "25", "OpenJDK", List.of(), null, "abc123", "full", "PT2S", "PT5S", 3, null,
                    List.of(), List.of(), 0, List.of("the Go arms in comparisons: Go is not installed; to include "
                    + "them: apt-get install golang"), Launches.QUOTA, List.of());
            RunSet runs = new RunSet(java.nio.file.Path.of("fixture"), List.of(), Optional.of(env),
                    new JmhResults(List.of(), List.of()), OperatingPoints.of(withClassicAndAa(
                    Workload.PLAINTEXT_CLOSE).arm(PER_CONNECTION, cpu(300, 0.03, 1)).build()));
            ClaimResult r = rule.evaluate(runs);
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(r.reason().startsWith("missing data: plaintext-close-c16 has no go-nethttp"), r.reason());
            assertTrue(r.reason().contains("(compare skipped it: the Go arms in comparisons: Go is not installed"),
                    r.reason());
        }
    }

    @Nested
    class MixedLoad {
        final ClaimRule rule = new MixedLoadRule();
        final String offload = KnownArms.VIRTUAL_OFFLOAD;

        /** Classic, its twin and virtual-offload answer light and new connections in 0.1–2 ms; virtual as given. */
        private Launches.Comparison mixed(Launches.Cells virtual) {
            Launches.Cells prompt = (step, launch) -> Launches.Cell.cpu(50).latency(0.1, 2 * Launches.noise(launch,
                    0.03)).fresh(0.2, 3 * Launches.noise(launch + 2, 0.03));
            return Launches.comparison(Workload.MIXED, 16).heavyShares(0.5, 0.9).arm(CLASSIC, prompt)
                    .arm(AA, (s, l) -> prompt.at(s, l + 1)).arm(VIRTUAL, virtual)
                    .arm(offload, (s, l) -> prompt.at(s, l + 3));
        }

        @Test
        void confirmedWhenVirtualAnswersLightRequestsAndNewConnectionsAsPromptly() {
            ClaimResult r = evaluate(rule, mixed((s, l) -> Launches.Cell.cpu(50).latency(0.1, 2.2
                    * Launches.noise(l + 4, 0.03)).fresh(0.2, 3.1 * Launches.noise(l + 5, 0.03))));
            assertEquals(Verdict.CONFIRMED, r.verdict(), r.reason());
            assertEquals(2, r.deciding().size(), "(a) established connections and (b) new connections");
            assertTrue(r.deciding().get(0).points().get(1).point().text().startsWith("with the heavy group at 90% of "
                    + "the server's CPU"), r.deciding().get(0).points().get(1).point().text());
        }

        @Test
        void refutedWhenLightRequestsWaitBehindHeavyOnes() {
            ClaimResult r = evaluate(rule, mixed((s, l) -> Launches.Cell.cpu(50).latency(25, 31
                    * Launches.noise(l + 4, 0.03)).fresh(0.2, 3 * Launches.noise(l + 5, 0.03))));
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            assertTrue(r.reason().contains("light requests' p99 on established connections"), r.reason());
        }

        @Test
        void refutedWhenVirtualLeavesNewConnectionsUnansweredThoughTheAnsweredOnesWereFast() {
            ClaimResult r = evaluate(rule, mixed((s, l) -> Launches.Cell.cpu(50).latency(0.1, 2.1
                    * Launches.noise(l + 4, 0.03)).fresh(0.2, 3).freshAnswered(2, 18)));
            assertEquals(Verdict.REFUTED, r.verdict(), r.reason());
            PointVerdict fresh = r.deciding().get(1).points().get(0);
            assertTrue(fresh.reason().startsWith("virtual left 90% of its new connections' first requests "
                    + "unanswered in every launch, classic 0%"), fresh.reason());
        }

        @Test
        void theMitigationIsShownBesideAndNoRatioHoldsATimeout() {
            ClaimResult r = evaluate(rule, mixed((s, l) -> Launches.Cell.cpu(50).latency(25, 31
                    * Launches.noise(l + 4, 0.03)).fresh(0.2, 3).freshAnswered(0, 20)));
            assertTrue(r.shown().stream().anyMatch(s -> s.label().startsWith("virtual-offload ÷ virtual light "
                    + "requests' p99")), r.shown().toString());
            Series offloadOverVirtual = r.shown().stream().filter(s -> s.label().startsWith("virtual-offload ÷ "
                    + "virtual light")).findFirst().orElseThrow();
            assertTrue(offloadOverVirtual.points().get(0).geometricMean() < 0.1, "what the mitigation gives back");
            // Every new connection of virtual went unanswered: no latency, so no ratio, and the share says why.
            assertEquals(0, r.deciding().get(1).points().get(0).effect().launches());
            assertTrue(r.notes().get(0).contains("virtual: unanswered 0% of light requests, 100% of new "
                    + "connections"), r.notes().get(0));
            for (Series s : r.deciding()) {
                for (PointVerdict p : s.points()) {
                    p.effect().pairs().forEach(pair -> assertTrue(pair.numerator() < 1_000 && pair.denominator()
                            < 1_000, "a ratio of answered latencies, never a 2 s timeout"));
                }
            }
        }

        @Test
        void theRuleSaysWhatItReadsAndItsThreshold() {
            assertTrue(rule.rule().contains("virtual ÷ classic light requests' p99 on established connections "
                    + "(answered) on mixed"), rule.rule());
            assertTrue(rule.rule().contains("virtual ÷ classic new connections' connect-to-first-response p99"),
                    rule.rule());
            assertTrue(rule.rule().contains("(answered) on mixed: confirmed when ≤ 1.50"), rule.rule());
            assertFalse(rule.rule().contains("timeout counted"), rule.rule());
        }
    }

    @Test
    void everyClaimsNumberIsItsPlaceInTheList() {
        for (int i = 0; i < Claims.RULES.size(); i++) {
            assertEquals(i + 1, Claims.number(Claims.RULES.get(i)));
        }
        List<ClaimResult> results = Claims.evaluate(Runs.set(List.of()));
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i + 1, results.get(i).number());
            assertEquals(Claims.RULES.get(i).claim(), results.get(i).claim());
        }
    }

    @Test
    void aDemonstrationIsShownOrNotShownAndAMeasuredClaimNeverIs() {
        for (ClaimResult c : Claims.evaluate(Runs.set(List.of()))) {
            if (c.demonstration()) {
                assertEquals(Verdict.NOT_SHOWN, c.verdict(), c.claim());
            } else {
                assertEquals(Verdict.INCONCLUSIVE, c.verdict(), c.claim());
                assertTrue(c.reason().startsWith("missing data: no comparison in this run"), c.reason());
            }
        }
    }

    @Test
    void aThresholdPrintsTheSameNumbersItApplies() {
        Threshold band = Threshold.band(1.2, 1.0);
        assertEquals("≥ 1.20", band.confirmText());
        assertEquals("≤ 1.00", band.refuteText());
        assertEquals(Verdict.CONFIRMED, band.verdict(new Interval(1.2, 1.5)));
        assertEquals(Verdict.REFUTED, band.verdict(new Interval(0.8, 1.0)));
        assertEquals(Verdict.INCONCLUSIVE, band.verdict(new Interval(1.1, 1.3)));
        assertEquals(Verdict.INCONCLUSIVE, band.verdict(Interval.NONE));
        Threshold atMost = Threshold.atMost(1.5);
        assertEquals(Verdict.CONFIRMED, atMost.verdict(new Interval(0.9, 1.5)));
        assertEquals(Verdict.REFUTED, atMost.verdict(new Interval(1.51, 3)));
    }

    @Nested
    class BoundedParallelism {
        final ClaimRule rule = new BoundedParallelismRule();

        private RunRecord overload(String arm, int repeat, long peak, long rejected) {
            return Runs.run(arm, Workload.OVERLOAD, 256, repeat).path("/sleep?ms=5").serverArgs("--concurrency", "64")
                    .workers(peak, 0, peak).connections(1_000, rejected).build();
        }

        @Test
        void shownWhenWorkersStayWithinTheCapAndOverflowGets503() {
            ClaimResult r = evaluate(rule, List.of(overload(CLASSIC, 1, 64, 500), overload(CLASSIC, 2, 60, 20),
                    Runs.run(PER_CONNECTION, Workload.OVERLOAD, 256, 1).threads(270, 256).build()));
            assertEquals(Verdict.SHOWN, r.verdict());
            assertTrue(r.notes().get(0).contains("peaked at 270 live platform threads"), r.notes().toString());
        }

        @Test
        void notShownWhenARepeatHasMoreWorkersThanTheCap() {
            ClaimResult r = evaluate(rule, List.of(overload(CLASSIC, 1, 64, 500), overload(CLASSIC, 2, 65, 500)));
            assertEquals(Verdict.NOT_SHOWN, r.verdict());
            assertEquals("a repeat had more workers than the cap", r.reason());
        }

        @Test
        void notShownWhenTheSamplerMissedAPeakThePoolCounted() {
            RunRecord r1 = Runs.run(CLASSIC, Workload.OVERLOAD, 256, 1).serverArgs("--concurrency", "64")
                    .workers(60, 0, 60).poolPeakCounter(70).connections(1_000, 5).build();
            assertEquals(Verdict.NOT_SHOWN, evaluate(rule, List.of(r1)).verdict());
        }

        @Test
        void notShownWhenARepeatAnsweredNo503() {
            ClaimResult r = evaluate(rule, List.of(overload(CLASSIC, 1, 64, 0)));
            assertEquals(Verdict.NOT_SHOWN, r.verdict());
            assertEquals("a repeat answered no connection with 503", r.reason());
        }

        @Test
        void notShownWhenNothingCouldOverflow() {
            RunRecord underCap = Runs.run(CLASSIC, Workload.OVERLOAD, 32, 1).serverArgs("--concurrency", "64")
                    .workers(32, 0, 32).build();
            ClaimResult r = evaluate(rule, List.of(underCap));
            assertEquals(Verdict.NOT_SHOWN, r.verdict());
            assertTrue(r.reason().contains("no more connections than its cap"), r.reason());
        }

        @Test
        void notShownWithoutTheOverloadWorkload() {
            ClaimResult r = evaluate(rule, List.of(Runs.run(CLASSIC, Workload.PLAINTEXT, 16, 1).build()));
            assertEquals(Verdict.NOT_SHOWN, r.verdict());
            assertEquals("missing data: no successful overload runs of classic", r.reason());
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
        void shownWhenThePoolGrewReapedAndEndedBelowItsPeak() {
            assertEquals(Verdict.SHOWN, evaluate(rule, List.of(burst(1, 128, 127, 1), burst(2, 128, 120, 8)))
                    .verdict());
        }

        @Test
        void notShownWhenARepeatReapedNone() {
            ClaimResult r = evaluate(rule, List.of(burst(1, 128, 127, 1), burst(2, 128, 0, 128)));
            assertEquals(Verdict.NOT_SHOWN, r.verdict());
            assertEquals("a repeat reaped no worker", r.reason());
        }

        @Test
        void notShownWhenWorkersWereReapedButAsManyWereAliveAtTheEnd() {
            ClaimResult r = evaluate(rule, List.of(burst(1, 256, 128, 128)));
            assertEquals(Verdict.NOT_SHOWN, r.verdict());
            assertTrue(r.reason().startsWith("workers were reaped, but"), r.reason());
        }

        @Test
        void notShownWithoutTheBurstWorkload() {
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
        void shownWhenEachWorkerServedTenConnectionsOrMore() {
            ClaimResult r = evaluate(rule, List.of(close(1, 16_000, 16, 0), close(2, 1_600, 8, 8)));
            assertEquals(Verdict.SHOWN, r.verdict());
            assertEquals(List.of(1_000.0, 100.0), r.evidence().get(0).numbers());
        }

        @Test
        void notShownWhenWorkersServedFewerThanTenEachInEveryRepeat() {
            assertEquals(Verdict.NOT_SHOWN, evaluate(rule, List.of(close(1, 100, 16, 0))).verdict());
        }

        @Test
        void notShownWhenRepeatsDisagree() {
            assertEquals(Verdict.NOT_SHOWN, evaluate(rule, List.of(close(1, 16_000, 16, 0), close(2, 100, 16, 0)))
                    .verdict());
        }

        @Test
        void shownFromTheComparisonsClassicWindowsWhenTheRunHasNoSingleRunOfClose() {
            // Two windows a step of 1,000, 2,000 and 3,200 connections, 16 workers alive and none started.
            ClaimResult r = rule.evaluate(Runs.compared(Launches.comparison(Workload.PLAINTEXT_CLOSE, 16).launches(3)
                    .arm(CLASSIC, Launches.Cell.cpu(100)).arm(PER_CONNECTION, Launches.Cell.cpu(300)).build()));
            assertEquals(Verdict.SHOWN, r.verdict(), r.reason());
            assertEquals(9, r.evidence().get(0).values().size(), "one value per launch and step");
            assertEquals(2_000 / 32.0, r.evidence().get(0).numbers().get(0), 1e-9);
        }
    }
}
