package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;

/**
 * The plan of a JMH command line, over the benchmark list compiled into the benchmarks module (on this module's test
 * classpath only): the presets fit their budgets, and the arithmetic follows JMH's rules for what runs.
 */
class JmhPlanTest {

    private static final BenchmarkList BENCHMARKS = BenchmarkList.defaultList();

    private static JmhPlan plan(JmhSuite suite) {
        return JmhPlan.of(JmhCommand.suiteArguments(suite, Path.of(suite.label() + ".json"), List.of()), BENCHMARKS);
    }

    private static JmhPlan plan(String arguments) {
        return JmhPlan.of(Arrays.asList(arguments.split(" ")), BENCHMARKS);
    }

    @Test
    void theFullPresetRunsEveryBenchmarkClassWithinFortyFiveMinutes() {
        JmhPlan full = plan(JmhSuite.FULL);
        assertTrue(full.time().compareTo(Duration.ofMinutes(45)) <= 0, full.describe("full"));
        Set<String> planned = full.groups().stream().map(JmhPlan.Group::benchmarkClass).collect(Collectors.toSet());
        assertEquals(Set.of("HandOffBenchmark", "LoopbackBenchmark", "ParseBenchmark", "ThreadStartBenchmark",
                "WorkerOrderBenchmark"), planned);
    }

    @Test
    void theQuickPresetRunsEveryBenchmarkClassWithinSixMinutes() {
        JmhPlan quick = plan(JmhSuite.QUICK);
        assertTrue(quick.time().compareTo(Duration.ofMinutes(6)) <= 0, quick.describe("quick"));
        assertEquals(5, quick.groups().stream().map(JmhPlan.Group::benchmarkClass).distinct().count(),
                quick.describe("quick"));
    }

    @Test
    void aRunTakesItsForksTimesWarmUpPlusMeasurementPlusAForksStart() {
        JmhPlan p = plan("-f 2 -wi 1 -w 1s -i 3 -r 500ms ThreadStartBenchmark.platformThread");
        assertEquals(1, p.runs());
        // 2 forks x (1 x 1 s + 3 x 0.5 s + 1 s start)
        assertEquals(Duration.ofSeconds(7), p.time());
        assertTrue(p.describe("t").contains("ThreadStartBenchmark   1 run  x 2 forks x (1 x 1 s + 3 x 500 ms + 1 s "
                + "start) = 7 s"), p.describe("t"));
    }

    @Test
    void whatTheCommandLineDoesNotSayComesFromJmhsDefaults() {
        // JMH's defaults: 5 forks of 5 x 10 s warm-up and 5 x 10 s measurement.
        assertEquals(Duration.ofSeconds(5 * (50 + 50 + 1)), plan("ThreadStartBenchmark.platformThread").time());
    }

    @Test
    void minusPReplacesAParametersValues() {
        // WorkerOrderBenchmark: 2 orders x 2 job counts x 1 idleWorkers x 2 stateKiB.
        assertEquals(8, plan("-f 1 WorkerOrderBenchmark").runs());
        assertEquals(4, plan("-f 1 -p stateKiB=512 WorkerOrderBenchmark").runs());
    }

    @Test
    void minusBmReplacesEveryBenchmarksModes() {
        assertEquals(2, plan("-f 1 ThreadStartBenchmark").runs());
        assertEquals(4, plan("-f 1 -bm avgt,thrpt ThreadStartBenchmark").runs());
    }

    @Test
    void singleShotRunsAreCountedButLeftOutOfTheTime() {
        JmhPlan p = plan("-f 1 -bm ss ThreadStartBenchmark");
        assertEquals(2, p.runs());
        assertEquals(Duration.ZERO, p.time());
        assertTrue(p.describe("t").contains("+ 2 SingleShotTime runs, not in the estimate"), p.describe("t"));
    }

    @Test
    void jmhsErrorIsTOverRootNStandardDeviationsOfAnIteration() {
        // t(0.9995, n - 1) / sqrt(n): 31.60 / sqrt(3), 4.781 / sqrt(10), 3.659 / sqrt(30), 3.768 / sqrt(24)
        assertEquals(18.24, JmhPlan.errorInDeviations(3), 0.01);
        assertEquals(1.512, JmhPlan.errorInDeviations(10), 0.001);
        assertEquals(0.668, JmhPlan.errorInDeviations(30), 0.001);
        assertEquals(0.769, JmhPlan.errorInDeviations(24), 0.001);
        assertTrue(Double.isNaN(JmhPlan.errorInDeviations(1)), "one iteration has no error");
    }

    @Test
    void anArgumentJmhCannotReadIsAUsageErrorInJmhsWords() {
        Main.UsageException e = assertThrows(Main.UsageException.class, () -> plan("-f many"));
        assertTrue(e.getMessage().startsWith("JMH cannot read these arguments: "), e.getMessage());
    }

    @Test
    void durationsReadAsHoursMinutesAndSeconds() {
        assertEquals("5 min 20 s", JmhPlan.readable(Duration.ofSeconds(320)));
        assertEquals("2 min", JmhPlan.readable(Duration.ofMinutes(2)));
        assertEquals("1 h 2 min 3 s", JmhPlan.readable(Duration.ofSeconds(3723)));
        assertEquals("200 ms", JmhPlan.readable(Duration.ofMillis(200)));
        assertEquals("1.5 s", JmhPlan.readable(Duration.ofMillis(1500)));
    }
}
