package poolbench.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.machine.FileDescriptors;
import poolbench.compare.machine.Gate;
import poolbench.compare.record.RunDirectory;

class SuiteTest {

    @Test
    void unknownSuiteAndWorkloadNamesAreRefusedWithTheValidChoices() {
        var suite = assertThrows(IllegalArgumentException.class, () -> Suite.named("huge"));
        assertTrue(suite.getMessage().contains("smoke, quick, full"), suite.getMessage());
        var workload = assertThrows(IllegalArgumentException.class,
                () -> Suite.named("quick").onlyWorkloads(List.of("plaintxt")));
        assertTrue(workload.getMessage().contains("plaintext-close"), workload.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Suite.named("quick").withRepeats(0));
    }

    @Test
    void onlyWorkloadsKeepsTheSuitesOrderInComparisonsAndSingleRuns() {
        Suite s = Suite.named("full").onlyWorkloads(List.of("burst", "plaintext"));
        assertEquals(List.of("plaintext", "burst"), s.workloads().stream().map(Workload::name).toList());
        assertEquals(List.of("plaintext-c64"), s.comparisons().stream().map(Comparison::id).toList());
        assertEquals(2, s.repeats());
    }

    @Test
    void singleRunsTakeTurnsWithinARepeatAndTheQuickSuitesDemonstrationsRunOnClassicAlone() {
        CompareOptions full = new CompareOptions(Suite.named("full").onlyWorkloads(List.of("cpu", "pipelined")),
                List.of("classic", "virtual"), Path.of("unused"), false, Path.of("."), false);
        List<CompareRun.Scenario> scenarios = new CompareRun(full, System.out).scenarios(full.suite(), arm -> false);
        assertEquals(2 * 2 * 2, scenarios.size(), "2 workloads x 2 arms x 2 repeats");
        assertEquals("classic", scenarios.get(0).arm());
        assertEquals("virtual", scenarios.get(1).arm());
        assertEquals(scenarios.get(0).workload(), scenarios.get(1).workload());
        CompareOptions quick = new CompareOptions(Suite.named("quick"), List.of("classic", "virtual"),
                Path.of("unused"), false, Path.of("."), false);
        assertEquals(List.of("overload-c256-classic-r1", "burst-c128-classic-r1"),
                new CompareRun(quick, System.out).scenarios(quick.suite(), arm -> false).stream()
                        .map(CompareRun.Scenario::id).toList());
    }

    @Test
    void referenceServersRunOnlyTheSingleRunsThatSetTheScale() {
        CompareOptions options = new CompareOptions(Suite.named("full"), List.of("classic", "jetty-qtp"),
                Path.of("unused"), false, Path.of("."), false);
        List<CompareRun.Scenario> scenarios = new CompareRun(options, System.out)
                .scenarios(options.suite(), arm -> arm.equals("jetty-qtp"));
        List<String> reference = scenarios.stream().filter(s -> s.arm().equals("jetty-qtp"))
                .map(s -> s.workload().name() + "@" + s.connections()).distinct().toList();
        assertEquals(List.of("plaintext@64"), reference);
        assertTrue(Suite.named("full").forArms(List.of("classic", "jetty-qtp")).comparisons().stream()
                .noneMatch(c -> c.arms().contains("jetty-qtp")), "references are not compared");
    }

    @Test
    void theFullSuiteComparesPooledAndNewVirtualThreadsAtEveryHeapAndCollector() {
        Suite full = Suite.named("full");
        List<Comparison> swept = full.comparisons().stream().filter(c -> !c.jvm().isDefault()).toList();
        assertEquals(List.of("1g-g1", "1g-parallel", "256m-g1", "256m-parallel", "4g-g1", "4g-parallel"),
                swept.stream().map(c -> c.jvm().label()).sorted().toList());
        assertTrue(swept.stream().allMatch(c -> c.arms().containsAll(List.of("virtual", "virtual-pooled"))
                && c.workload().name().equals(Workload.SLEEP) && c.launches() >= Comparison.MIN_LAUNCHES));
        assertTrue(swept.stream().anyMatch(c -> c.id().equals("sleep-c1000-1g-parallel")));
    }

    @Test
    void heapsAndGcsOptionsRunEveryPointAtEachCombinationInsteadOfTheDefault() {
        CompareOptions options = new CompareOptions(Suite.named("smoke"),
                List.of("classic", "virtual"), Path.of("unused"), false, Path.of("."), false, Gate.DEFAULTS,
                JvmSetting.combinations(List.of("256m", "4g"), List.of("parallel")), 8);
        Suite suite = options.effectiveSuite().forArms(options.arms());
        assertEquals(List.of("plaintext-c8-256m-parallel", "plaintext-c8-4g-parallel"),
                suite.comparisons().stream().map(Comparison::id).toList());
        assertEquals(List.of("classic", "virtual"), suite.comparisons().get(0).arms());
        List<CompareRun.Scenario> scenarios = new CompareRun(options, System.out).scenarios(suite, arm -> false);
        assertEquals(List.of("downstream-c8-classic-r1-256m-parallel", "downstream-c8-virtual-r1-256m-parallel",
                "downstream-c8-classic-r1-4g-parallel", "downstream-c8-virtual-r1-4g-parallel"),
                scenarios.stream().map(CompareRun.Scenario::id).filter(id -> id.startsWith("downstream")).toList());
        assertEquals(List.of("-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"), new JvmSetting("4g", "parallel").flags());
        assertThrows(IllegalArgumentException.class, () -> new JvmSetting("lots", "g1"));
        assertThrows(IllegalArgumentException.class, () -> new JvmSetting("1g", "zgc"));
    }

    @Test
    void downstreamAndDbAreInTheSmokeSuiteAndNeedTheirServices() {
        Suite smoke = Suite.named("smoke").onlyWorkloads(List.of("downstream", "db"));
        Workload down = smoke.workloads().get(0);
        Workload db = smoke.workloads().get(1);
        assertTrue(down.needsBackend() && !down.needsDatabase());
        assertTrue(db.needsDatabase() && !db.needsBackend());
        assertEquals("/downstream?ms=" + Workload.DOWNSTREAM_MS, down.path());
    }

    @Test
    void aServerThatWouldRunOutOfDescriptorsIsSkippedWithHowToRaiseTheLimit() {
        Workload down = Suite.named("full").onlyWorkloads(List.of("downstream")).workloads().get(0);
        long limit = FileDescriptors.childLimit();
        org.junit.jupiter.api.Assumptions.assumeTrue(limit > 0 && limit < 4_000_000L, "no finite limit here");
        int tooMany = (int) Math.min(Integer.MAX_VALUE, limit / 2 + 1);
        var reason = FileDescriptors.serverShortage(down, tooMany);
        assertTrue(reason.isPresent());
        assertTrue(reason.get().contains("ulimit -Hn"), reason.get());
        assertTrue(FileDescriptors.serverShortage(down, 10).isEmpty());
        assertEquals(Duration.ofSeconds(10), CompareRun.loadTimeout(10_000));
        assertEquals(Duration.ofSeconds(2), CompareRun.loadTimeout(64));
    }

    @Test
    void aRunDirectoryIsNeverReusedForTheSamePart(@TempDir Path results) throws Exception {
        // A fixed clock, so the test cannot straddle midnight.
        Clock day = Clock.fixed(Instant.parse("2026-12-01T23:59:59Z"), ZoneOffset.UTC);
        Path first = RunDirectory.next(results, "raw", day);
        assertTrue(first.getFileName().toString().startsWith("2026-12-01-"), first.toString());
        Files.createDirectories(first.resolve("raw"));
        assertEquals(first, RunDirectory.next(results, "raw", day), "an empty raw/ is free");
        Files.writeString(first.resolve("raw").resolve("x.json"), "{}");
        Path second = RunDirectory.next(results, "raw", day);
        assertEquals(first.getFileName() + "-2", second.getFileName().toString());
        assertEquals(first, RunDirectory.next(results, "jmh", day), "jmh/ may join the same run");
    }

    @Test
    void theQuickAndFullSuitesCompareTheMixedWorkloadWithTheMitigationBesideTheArms() {
        for (String name : List.of("quick", "full")) {
            Comparison mixed = Suite.named(name).comparisons().stream().filter(Comparison::mixed).findFirst()
                    .orElseThrow();
            assertEquals("/plaintext", mixed.workload().path());
            assertTrue(mixed.workload().heavyPath().startsWith("/cpu?work="), mixed.workload().heavyPath());
            assertTrue(mixed.arms().containsAll(List.of("classic", "virtual", ArmLabel.VIRTUAL_OFFLOAD.label(),
                    ArmLabel.AA.label())), mixed.arms().toString());
            assertEquals(Comparison.DEFAULT_HEAVY_SHARES, mixed.heavyShares());
        }
    }

    @Test
    void theQuickSuiteDecidesClaimsOneThreeSixAndTenWithEnoughLaunchesAndTheAaArmBesideClassic() {
        Suite quick = Suite.named("quick");
        assertEquals(List.of("plaintext-c64", "plaintext-close-c16", "sleep-c500", "mixed-c16"),
                quick.comparisons().stream().map(Comparison::id).toList());
        for (Comparison c : quick.comparisons()) {
            assertTrue(c.launches() >= Comparison.MIN_LAUNCHES, c.id());
            assertTrue(c.arms().contains("classic") && c.arms().contains(ArmLabel.AA.label()), c.id());
        }
        assertTrue(quick.comparisons().get(1).arms().contains("per-connection"), "claims 1 and 3 read it");
    }

    @Test
    void choosingArmsKeepsTheirLabelsAndTheAaArmWithClassicAndDropsAComparisonOfOne() {
        Suite quick = Suite.named("quick").forArms(List.of("classic", "per-connection"));
        assertEquals(List.of("classic", "classic-aa", "per-connection"), quick.comparisons().get(1).arms());
        assertEquals(List.of("classic", "classic-aa"), quick.comparisons().get(0).arms());
        assertTrue(Suite.named("quick").forArms(List.of("per-connection")).comparisons().isEmpty());
        assertEquals(List.of("virtual", "virtual-offload"), Suite.named("quick").forArms(List.of("virtual"))
                .comparisons().get(0).arms(), "virtual against its own mitigation is still a comparison");
    }

    @Test
    void thePlanCountsTheWindowsAndLaunchesTheSuiteRuns() {
        Comparison c = new Comparison(Workload.plaintext(List.of(8), List.of()), 8, List.of("classic", "virtual",
                "classic-aa"), Comparison.DEFAULT_LADDER, Comparison.DEFAULT_HEAVY_SHARES, 2, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1), 5, 50, JvmSetting.DEFAULT);
        SuitePlan.Line line = SuitePlan.comparison(c);
        assertEquals(4 * 2 * 3 * 3 + 3 * 5, line.windows(), "launches x rounds x arms x steps + arms x probes");
        SuitePlan.Line longer = SuitePlan.comparison(c.withLaunches(8));
        assertTrue(longer.time().compareTo(line.time()) > 0);
        Suite quick = Suite.named("quick");
        SuitePlan plan = SuitePlan.of(quick, quick.comparisons(), quick.workloads());
        assertEquals(plan.lines().stream().map(SuitePlan.Line::time).reduce(Duration.ZERO, Duration::plus),
                plan.total());
        assertTrue(plan.text().contains("in all"), plan.text());
        Workload overload = quick.workloads().get(0);
        Duration once = quick.warmup().plus(SuitePlan.TYPICAL_STEADY).plus(quick.duration())
                .plus(SuitePlan.RUN_OVERHEAD).plus(overload.idleAfter());
        assertEquals(Math.round(once.toMillis() * (1 + SuitePlan.REPEATED)),
                SuitePlan.singleRun(quick, overload).toMillis(), "a disturbed single run is retried");
    }

    @Test
    void aComparisonWindowIsAtLeastOneSecondBecauseTicksAreTenMilliseconds() {
        assertThrows(IllegalArgumentException.class, () -> new Comparison(Workload.plaintext(List.of(8), List.of()),
                8, List.of("classic", "virtual"), Comparison.DEFAULT_LADDER, Comparison.DEFAULT_HEAVY_SHARES, 1, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(500), 3, 50,
                JvmSetting.DEFAULT));
        assertEquals(60, Comparison.p99Bound(Workload.sleep(List.of(1), List.of())), 0);
        assertEquals(50, Comparison.p99Bound(Workload.plaintext(List.of(1), List.of())), 0);
    }

    @Test
    void theSmokeSuiteIsTiny() {
        Suite smoke = Suite.named("smoke");
        Duration perRun = smoke.warmup().plus(smoke.duration());
        assertTrue(perRun.toMillis() <= 1_000, "smoke runs " + perRun + " per arm and workload");
    }
}
