package poolbench.compare.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import poolbench.server.stats.StatsSnapshot;

class ServerDeltasTest {

    private static StatsSnapshot snapshot(long requests, long cpuNanos, long alloc, long gcCount, long gcMillis,
                                          long threads, long workers, long workersStarted, long reaped) {
        return new StatsSnapshot("classic", "worker", 0, 0, requests, requests, 0, requests, 0, cpuNanos, alloc,
                gcCount, gcMillis, threads, threads, threads, workers, 0, workers, workersStarted, reaped, 0, 0, 0,
                requests / 2, requests / 10, true, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void perRequestFiguresAreDeltasOverTheWindowDividedByItsRequests() {
        StatsSnapshot before = snapshot(1_000, 5_000_000, 10_000_000, 3, 30, 10, 2, 2, 0);
        StatsSnapshot after = snapshot(21_000, 45_000_000, 30_000_000, 5, 50, 12, 4, 6, 1);
        StatsSnapshot end = snapshot(21_000, 46_000_000, 30_100_000, 5, 50, 10, 1, 6, 4);
        StatsSnapshot busy = snapshot(15_000, 30_000_000, 20_000_000, 4, 40, 40, 9, 6, 1);
        ServerDeltas d = ServerDeltas.between(before, after, end, List.of(busy));
        assertEquals(20_000, d.requests());
        assertEquals(2.0, d.cpuMicrosPerRequest(), 1e-9);
        assertEquals(1_000.0, d.allocBytesPerRequest(), 1e-9);
        assertEquals(1.0, d.gcPer10kRequests(), 1e-9);
        assertEquals(10.0, d.gcMillisPer10kRequests(), 1e-9);
        assertEquals(40, d.threadsPeak(), "the sampled peak, not the ends");
        assertEquals(9, d.workersPeak());
        assertEquals(4, d.workersStarted());
        assertEquals(4, d.workersReaped(), "reaping counts through the idle phase");
        assertEquals(0.5, d.voluntaryContextSwitchesPerRequest(), 1e-9);
        assertEquals(0.1, d.involuntaryContextSwitchesPerRequest(), 1e-9);
    }

    @Test
    void contextSwitchesAreAbsentWhereTheServerCannotCountThem() {
        StatsSnapshot counted = snapshot(1_000, 0, 0, 0, 0, 1, 1, 1, 0);
        StatsSnapshot b = snapshot(2_000, 0, 0, 0, 0, 1, 1, 1, 0);
        StatsSnapshot notCounted = new StatsSnapshot(b.arm(), b.buffers(), 0, 0, b.requests(), 0, 0, 0, 0, 0, 0, 0,
                0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        ServerDeltas d = ServerDeltas.between(counted, notCounted, notCounted, List.of());
        assertEquals(null, d.voluntaryContextSwitchesPerRequest());
        assertEquals(null, d.involuntaryContextSwitchesPerRequest());
    }
}
