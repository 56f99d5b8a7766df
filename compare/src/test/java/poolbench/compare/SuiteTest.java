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
        long classicRuns = scenarios.stream().filter(s -> s.arm().equals("classic")).count();
        assertEquals(13 * 3, classicRuns);
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
