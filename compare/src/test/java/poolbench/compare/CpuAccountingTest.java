package poolbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accounting's arithmetic on /proc fixture files ({@code src/test/resources/proc/before|after}): two CPUs, the
 * server (pid 4242) pinned to CPU 0, the load (pid 777) to CPU 1, 1000 ticks per CPU in the window.
 * CPU 0: 400 user + 100 system + 100 softirq + 20 steal busy; the server used 300 of them, so others used
 * 400 + 100 − 300 − 2 (rounding) = 198. CPU 1: 500 user + 200 system + 100 softirq; the load used 690, others 8.
 */
class CpuAccountingTest {

    private static final double EPS = 1e-9;
    private SortedMap<Integer, CpuTicks> before;
    private SortedMap<Integer, CpuTicks> after;
    private long serverTicks;
    private long loadTicks;

    private static ProcFs fixture(String name) throws URISyntaxException {
        return new ProcFs(Path.of(CpuAccountingTest.class.getResource("/proc/" + name + "/stat").toURI()).getParent());
    }

    @BeforeEach
    void read() throws IOException, URISyntaxException {
        before = fixture("before").cpus();
        after = fixture("after").cpus();
        serverTicks = fixture("after").processTicks(4242) - fixture("before").processTicks(4242);
        loadTicks = fixture("after").processTicks(777) - fixture("before").processTicks(777);
    }

    @Test
    void readsPerCpuLinesAndProcessTicksFromNameWithSpaces() {
        assertEquals(Set.of(0, 1), before.keySet());
        assertEquals(1000, after.get(0).minus(before.get(0)).total());
        assertEquals(300, serverTicks, "utime + stime of 'java server'");
        assertEquals(690, loadTicks);
    }

    @Test
    void othersAreBusyTicksLessTheSidesOwnInterruptsStealAndRounding() {
        Interference i = CpuAccounting.compute(before, after, serverTicks, loadTicks, Set.of(0), Set.of(1), true,
                0.03, 1);
        assertEquals(0.198, i.serverCpusOthersShare(), EPS);
        assertEquals(0.008, i.loadCpusOthersShare(), EPS);
        assertEquals(20 / 2000.0, i.stealShare(), EPS);
        assertEquals((300 + 100) / 1000.0, i.serverCpuUtilization(), EPS, "the server's process plus softirq");
        assertEquals((690 + 100) / 1000.0, i.loadCpuUtilization(), EPS);
        assertEquals(Interference.NEITHER, i.bottleneck());
        assertFalse(i.clean(), "others took 19.8% of the server's CPU");
        assertEquals(1, i.attempt());
    }

    @Test
    void aRunUnderTheThresholdIsClean() {
        Interference i = CpuAccounting.compute(before, after, serverTicks, loadTicks, Set.of(0), Set.of(1), true,
                0.2, 2);
        assertTrue(i.clean());
        assertEquals(2, i.attempt());
    }

    @Test
    void aSaturatedLoadMakesTheRunClientBound() {
        Interference i = CpuAccounting.compute(before, after, serverTicks, 850, Set.of(0), Set.of(1), true, 1, 1);
        assertEquals(0.95, i.loadCpuUtilization(), EPS);
        assertEquals(Interference.LOAD, i.bottleneck());
        assertTrue(i.clientBound());
    }

    @Test
    void unpinnedFiguresAreMachineWide() {
        Interference i = CpuAccounting.compute(before, after, serverTicks, loadTicks, Set.of(0, 1), Set.of(0, 1),
                false, 0.03, 1);
        // 1420 busy − 200 softirq − 20 steal − 990 own − 4 rounding = 206 of 2000.
        assertEquals(0.103, i.serverCpusOthersShare(), EPS);
        assertEquals(i.serverCpusOthersShare(), i.loadCpusOthersShare(), EPS);
        assertEquals(300 / 2000.0, i.serverCpuUtilization(), EPS);
        assertEquals(690 / 2000.0, i.loadCpuUtilization(), EPS);
    }

    @Test
    void aProcessSeenOnlyAtTheEndStartedInTheWindow() {
        assertEquals(50 + 7, CpuAccounting.delta(Map.of(1L, 100L), Map.of(1L, 150L, 2L, 7L)));
    }

    @Test
    void findsTheSoftirqThreadOfEachCpuByName() throws URISyntaxException {
        assertEquals(Map.of(0, 14L), fixture("after").softirqThreads());
        assertEquals(90, fixture("after").processTicks(14));
    }

    @Test
    void cpuListsAsTasksetWritesThem() {
        assertEquals(Set.of(0), ProcFs.cpuList("0", Set.of(0, 1)));
        assertEquals(Set.of(0, 2, 3), ProcFs.cpuList("0,2-3", Set.of()));
        assertEquals(Set.of(0, 1), ProcFs.cpuList("", Set.of(0, 1)));
    }

    @Test
    void aWarmUpIsSteadyWhenTwoRoundsAgreeWithinFivePercent() {
        assertTrue(CompareRun.steady(1000, 1040));
        assertFalse(CompareRun.steady(1000, 1100));
        assertFalse(CompareRun.steady(Double.NaN, 1000));
    }
}
