package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.SummaryTable;
import poolbench.compare.machine.Gate;
import poolbench.compare.plan.Suite;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.Window;
import poolbench.db.PostgresCluster;
import poolbench.server.accept.Arms;

/**
 * The smoke suite end to end: every arm in its own JVM under load, one valid record each, whose server-side
 * request count agrees with what the load generator counted.
 */
class CompareSmokeTest {

    @Test
    @Timeout(240)
    void smokeSuiteWritesAValidRecordForEveryArm(@TempDir Path dir) throws Exception {
        List<String> arms = Arms.all().stream().map(a -> a.name()).toList();
        assertEquals(List.of("classic", "jdk-pool", "per-connection", "virtual", "virtual-pooled"), arms);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        // Unpinned: pinning would move this test JVM (and the tests after it) onto one CPU. The gate never waits
        // nor retries: this checks the pipeline, not the machine (CompareInterferenceTest checks the gate).
        CompareOptions options = new CompareOptions(Suite.named("smoke"), arms, dir, false, Launcher.home(), false,
                new Gate(1.0, 1, Duration.ZERO));
        CompareRun run = new CompareRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        List<RunRecord> records = run.run();

        Suite smoke = Suite.named("smoke");
        // db is skipped, with its reason, where PostgreSQL cannot be started.
        boolean db = PostgresCluster.unavailableReason().isEmpty();
        int perArm = smoke.workloads().stream().filter(w -> db || !w.name().equals("db"))
                .mapToInt(w -> w.connections().size()).sum() * smoke.repeats();
        assertEquals(arms.size() * perArm, records.size());
        for (RunRecord r : records) {
            assertTrue(r.ok(), r.id() + " failed: " + r.error());
            assertTrue(r.load().requests() > 0, r.id() + " served nothing");
            assertEquals(0, r.load().errors().lostRequests(), r.id() + " lost requests");
            // Snapshots bracket the measured window, which starts and ends with no request in flight.
            assertEquals(r.load().requests(), r.server().requests(), r.id() + ": server and load disagree");
            assertTrue(r.server().allocBytesPerRequest() > 0, r.id());
            assertTrue(r.server().cpuMicrosPerRequest() > 0, r.id());
            assertEquals(0, r.server().downstreamErrors() + r.server().databaseUnavailable(), r.id() + ": 502-504s");
            assertEquals(1, r.interference().attempt(), r.id());
            assertTrue(r.warmupMillis() >= smoke.warmup().toMillis(), r.id());
            if (r.close()) {
                assertTrue(r.server().connectionsAccepted() >= r.load().requests(), r.id() + ": one per request");
            }
            RunRecord reread = CompareRun.readRecord(dir.resolve("raw").resolve(r.id() + ".json"));
            assertEquals(r.load().requests(), reread.load().requests());
            assertTrue(Files.readString(dir.resolve("raw").resolve(r.id() + ".hgrm")).contains("Percentile"));
        }
        assertNotNull(CompareRun.JSON.readTree(dir.resolve("environment.json").toFile()).get("jdkVersion"));
        // The comparison: one launch of every arm at once, each with a capacity and a window at every step.
        assertEquals(1, run.launches().size());
        LaunchRecord launch = run.launches().get(0);
        assertNull(launch.error(), launch.error());
        assertEquals(arms, launch.servers().stream().map(LaunchRecord.Server::label).toList());
        assertEquals(arms.size(), launch.capacities().size());
        assertEquals(2, launch.ladder().size());
        for (String arm : arms) {
            for (int step = 0; step < 2; step++) {
                int k = step;
                Window w = launch.windows().stream().filter(x -> x.arm().equals(arm) && x.step() == k).findFirst()
                        .orElseThrow(() -> new AssertionError(arm + " has no window at step " + k));
                assertTrue(w.counted(), arm + ": " + w.error());
                assertTrue(w.load().requests() > 0, arm + " served nothing in its window");
                // The server's reads bracket the window up to the requests in flight at either end: at most the
                // connections, plus what the offered rate sends within the window's p99 (Little's law), plus 10%
                // for the stats reads' own milliseconds.
                double inFlight = 2 * (8 + w.offeredRate() * w.load().latency().percentileMs(99) / 1000);
                long slack = (long) inFlight + w.load().requests() / 10;
                assertTrue(Math.abs(w.server().requests() - w.load().requests()) <= slack,
                        arm + ": server " + w.server().requests() + " against load " + w.load().requests());
                assertEquals(launch.ladder().get(k), w.offeredRate());
            }
        }
        assertNotNull(CompareRun.JSON.readValue(dir.resolve("launches").resolve(launch.id() + ".json").toFile(),
                LaunchRecord.class));
        try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
            // One a run, one a launched arm, and the downstream backend's.
            assertEquals(records.size() + arms.size() + 1, logs.count());
        }

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        SummaryTable.print(records, new PrintStream(table, true, StandardCharsets.UTF_8));
        for (String arm : arms) {
            assertTrue(table.toString(StandardCharsets.UTF_8).contains(arm), "table lacks " + arm);
        }
    }
}
