package poolbench.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.ServerDeltas;
import poolbench.compare.record.Window;

/** How launch records are read: which windows count, and what a launch's figure at a step is made of. */
class OperatingPointsTest {

    /** One launch of classic at one rate, its two windows as the test makes them. */
    private static LaunchRecord oneLaunch(Window first, Window second) {
        LaunchRecord r = Launches.comparison(Workload.PLAINTEXT, 16).launches(1).rates(1_000)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(100)).build().get(0);
        return new LaunchRecord(r.id(), r.comparison(), r.workload(), r.path(), r.close(), r.connections(), r.launch(),
                r.heap(), r.gc(), r.quota(), r.p99BoundMs(), r.servers(), r.ladder(), r.ladderFractions(),
                r.ladderBasis(), r.heavyShares(), r.heavyCpuMillis(), r.capacities(), List.of(first, second),
                r.rounds(), r.error());
    }

    private static Window template() {
        return Launches.comparison(Workload.PLAINTEXT, 16).launches(1).rates(1_000)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(100)).build().get(0).windows().get(0);
    }

    private static Window with(Window w, long requests, double cpu, poolbench.loadgen.LoadResult load) {
        return new Window(w.arm(), w.phase(), w.round(), w.step(), w.offeredRate(), w.heavyRate(), w.leadInMillis(),
                load, w.heavy(), w.fresh(), new ServerDeltas(requests, cpu, 500, 0, 0, 20, 0, 16, 0, 0, 0, 0, 1),
                w.interference(), w.attempt(), w.error());
    }

    @Test
    void aLaunchsFigureIsItsWindowsTotalOverTheirRequestsAndItsLatencyTheirHistogramsMerged() {
        Window w = template();
        poolbench.loadgen.LoadResult fast = Launches.result(1_000, 1_000, 0, 0.1, 2, false);
        poolbench.loadgen.LoadResult slow = Launches.result(1_000, 1_000, 0, 0.1, 40, false);
        ComparisonLaunches c = OperatingPoints.of(List.of(oneLaunch(with(w, 1_000, 100, fast),
                with(w, 3_000, 200, slow)))).all().get(0);
        ArmStep s = c.at(KnownArms.CLASSIC, 0).get(0);
        // 100 µs × 1,000 requests + 200 µs × 3,000, over 4,000: not the mean of 100 and 200.
        assertEquals(175, s.cpuMicrosPerRequest(), 1e-9);
        Histogram merged = fast.latency().decodeHistogram();
        merged.add(slow.latency().decodeHistogram());
        assertEquals(merged.getValueAtPercentile(99) / 1e6, s.percentileMs(LoadGroup.MEASURED, 99), 1e-9);
        assertTrue(s.sustained());
    }

    @Test
    void disturbedWindowsDoNotCountAndTheGapSaysSo() {
        ComparisonLaunches c = OperatingPoints.of(Launches.comparison(Workload.PLAINTEXT, 16).launches(1)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(100).disturbed()).build()).all().get(0);
        ArmStep s = c.at(KnownArms.CLASSIC, 0).get(0);
        assertTrue(s.windows().isEmpty());
        assertTrue(Double.isNaN(s.cpuMicrosPerRequest()));
        assertEquals("no counted window (2 disturbed or failed)", s.gap());
    }

    @Test
    void aMixedWindowWhoseLightRequestsAllWentUnansweredStillCountsAsUnanswered() {
        ComparisonLaunches c = OperatingPoints.of(Launches.comparison(Workload.MIXED, 16).launches(1)
                .heavyShares(0.5).arm(KnownArms.VIRTUAL, Launches.Cell.cpu(50).lost(200)).build()).all().get(0);
        ArmStep s = c.at(KnownArms.VIRTUAL, 0).get(0);
        assertEquals(2, s.windows().size(), "the error is about responses, and unanswered is what is measured");
        assertEquals(1.0, s.unansweredShare(LoadGroup.MEASURED), 1e-9);
        assertTrue(Double.isNaN(s.percentileMs(LoadGroup.MEASURED, 99)), "no answer, no latency");
    }

    @Test
    void aLadderStepOneWindowDidNotSustainGivesTheLaunchNoValue() {
        Window w = template();
        poolbench.loadgen.LoadResult held = Launches.result(1_000, 1_000, 0, 0.1, 2, false);
        poolbench.loadgen.LoadResult lost = Launches.result(1_000, 600, 0, 0.1, 2, false);
        ArmStep s = OperatingPoints.of(List.of(oneLaunch(with(w, 1_000, 100, held), with(w, 600, 100, lost))))
                .all().get(0).at(KnownArms.CLASSIC, 0).get(0);
        assertTrue(!s.sustained());
        assertTrue(Double.isNaN(s.cpuMicrosPerRequest()));
        assertTrue(s.gap().startsWith("not sustained (1 of 2 windows; achieved 600 of 1,000 req/s"), s.gap());
    }

    @Test
    void aRunDirectorysLaunchesAreGroupedByComparisonAndAFileThatIsNotOneIsNamed(@TempDir Path dir)
            throws IOException {
        List<LaunchRecord> records = new ArrayList<>(Launches.comparison(Workload.PLAINTEXT, 16).launches(2)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(100)).build());
        records.addAll(Launches.comparison(Workload.PLAINTEXT_CLOSE, 16).launches(3)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(100)).build());
        Launches.write(dir, records);
        Files.writeString(dir.resolve(OperatingPoints.DIRECTORY).resolve("notes.json"), "{\"x\": 1}");
        OperatingPoints points = OperatingPoints.load(dir);
        assertEquals(List.of("plaintext-c16", "plaintext-close-c16"), points.all().stream()
                .map(ComparisonLaunches::id).toList());
        assertEquals(3, points.all().get(1).launches().size());
        assertEquals(List.of("notes.json (not a launch record)"), points.unreadable());
        assertTrue(OperatingPoints.load(dir.resolve("nothing-here")).isEmpty());
    }
}
