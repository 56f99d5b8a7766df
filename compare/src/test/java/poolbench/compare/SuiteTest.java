package poolbench.compare;

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
    void onlyWorkloadsKeepsTheSuitesOrder() {
        Suite s = Suite.named("full").onlyWorkloads(List.of("burst", "plaintext"));
        assertEquals(List.of("plaintext", "burst"), s.workloads().stream().map(Workload::name).toList());
        assertEquals(3, s.repeats());
    }

    @Test
    void everySuiteRunsEachArmOnTheSameWorkloadsAndArmsTakeTurnsWithinARepeat() {
        CompareOptions options = new CompareOptions(Suite.named("quick"), List.of("classic", "virtual"),
                Path.of("unused"), false, Path.of("."), false);
        List<CompareRun.Scenario> scenarios = new CompareRun(options, System.out)
                .scenarios(options.suite(), arm -> false);
        assertEquals(2 * options.suite().workloads().size(), scenarios.size());
        assertEquals("classic", scenarios.get(0).arm());
        assertEquals("virtual", scenarios.get(1).arm());
        assertEquals(scenarios.get(0).workload(), scenarios.get(1).workload());
    }

    @Test
    void referenceServersRunOnlyTheWorkloadsThatSetTheScale() {
        CompareOptions options = new CompareOptions(Suite.named("full"), List.of("classic", "jetty-qtp"),
                Path.of("unused"), false, Path.of("."), false);
        List<CompareRun.Scenario> scenarios = new CompareRun(options, System.out)
                .scenarios(options.suite(), arm -> arm.equals("jetty-qtp"));
        List<String> reference = scenarios.stream().filter(s -> s.arm().equals("jetty-qtp"))
                .map(s -> s.workload().name() + "@" + s.connections()).distinct().toList();
        assertEquals(List.of("plaintext@64", "plaintext-close@64", "sleep@1000"), reference);
        long classicRuns = scenarios.stream().filter(s -> s.arm().equals("classic") && s.jvm().isDefault()).count();
        assertEquals(17 * 3, classicRuns);
        assertTrue(scenarios.stream().noneMatch(s -> s.arm().equals("jetty-qtp") && !s.jvm().isDefault()),
                "references are not swept");
    }

    @Test
    void theFullSuiteSweepsHeapAndCollectorForThreeArmsOnDownstreamAt10kAndSleep() {
        CompareOptions options = new CompareOptions(Suite.named("full"), List.of("classic", "virtual",
                "virtual-pooled", "per-connection"), Path.of("unused"), false, Path.of("."), false);
        List<CompareRun.Scenario> swept = new CompareRun(options, System.out).scenarios(options.suite(), arm -> false)
                .stream().filter(s -> !s.jvm().isDefault()).toList();
        assertEquals(3 * 6 * 2 * 3, swept.size(), "3 arms x 6 settings x 2 points x 3 repeats");
        assertTrue(swept.stream().noneMatch(s -> s.arm().equals("per-connection")));
        assertEquals(List.of("downstream@10000", "sleep@1000"), swept.stream()
                .map(s -> s.workload().name() + "@" + s.connections()).distinct().sorted().toList());
        assertEquals(List.of("1g-g1", "1g-parallel", "256m-g1", "256m-parallel", "4g-g1", "4g-parallel"),
                swept.stream().map(s -> s.jvm().label()).distinct().sorted().toList());
        assertTrue(swept.stream().anyMatch(s -> s.id().equals("downstream-c10000-virtual-pooled-r2-1g-parallel")));
    }

    @Test
    void heapsAndGcsOptionsRunEveryPointAtEachCombinationInsteadOfTheDefault() {
        CompareOptions options = new CompareOptions(Suite.named("smoke").onlyWorkloads(List.of("plaintext")),
                List.of("classic", "virtual"), Path.of("unused"), false, Path.of("."), false, Gate.DEFAULTS,
                JvmSetting.combinations(List.of("256m", "4g"), List.of("parallel")), 8);
        List<CompareRun.Scenario> scenarios = new CompareRun(options, System.out)
                .scenarios(options.effectiveSuite(), arm -> false);
        assertEquals(List.of("plaintext-c8-classic-r1-256m-parallel", "plaintext-c8-virtual-r1-256m-parallel",
                "plaintext-c8-classic-r1-4g-parallel", "plaintext-c8-virtual-r1-4g-parallel"),
                scenarios.stream().map(CompareRun.Scenario::id).toList());
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
    void theQuickAndFullSuitesRunTheMixedWorkloadWithAHeavyGroupBesideTheMeasuredOne() {
        for (String name : List.of("quick", "full")) {
            Workload mixed = Suite.named(name).onlyWorkloads(List.of(Workload.MIXED)).workloads().get(0);
            assertTrue(mixed.mixed());
            assertEquals("/plaintext", mixed.path());
            assertTrue(mixed.heavyPath().startsWith("/cpu?work="), mixed.heavyPath());
            assertTrue(mixed.heavyConnectionsPerServerCpu() >= 1);
        }
        assertTrue(Suite.named("quick").workloads().stream().filter(w -> !w.name().equals(Workload.MIXED))
                .noneMatch(Workload::mixed));
    }

    @Test
    void theSmokeSuiteIsTiny() {
        Suite smoke = Suite.named("smoke");
        Duration perRun = smoke.warmup().plus(smoke.duration());
        assertTrue(perRun.toMillis() <= 1_000, "smoke runs " + perRun + " per arm and workload");
    }
}
