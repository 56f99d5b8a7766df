package poolbench.compare.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareRun;
import poolbench.compare.process.LoadSide;

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
        assertEquals(20 / 1000.0, i.stealShare(), EPS, "the worse CPU's steal");
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

    /**
     * ksoftirqd/0 (pid 14 in the fixture) ran 90 ticks of the CPU's 100 softirq ticks. Those are inside the softirq
     * field already; counting the thread as the server's too would subtract them twice and show others at
     * (500 − 300 − 90 − 2) / 1000 = 10.8%, hiding half of the 19.8% an intruder took.
     */
    @Test
    void anIntruderIsNotHiddenBehindTheSoftirqThreadsTicks() throws Exception {
        assertEquals(90, fixture("after").processTicks(14), "the fixture's ksoftirqd/0");
        Interference i = CpuAccounting.compute(before, after, serverTicks, loadTicks, Set.of(0), Set.of(1), true,
                0.03, 1);
        assertEquals(0.198, i.serverCpusOthersShare(), EPS);
        assertFalse(i.clean());
        ProcFs proc = fixture("after");
        CpuAccounting accounting = new CpuAccounting(proc, new Pinning(true, "0", "1", 1, 1, "test"), 0.03,
                List::of);
        assertFalse(accounting.snapshot(4242).server().containsKey(14L),
                "the softirq thread is counted in its CPU's softirq field, not as a process of the server");
    }

    /**
     * Under a quota, CPU 0's tick count (198 ticks beyond the sides') is capped by what the other processes used: a
     * throttled server's CPU can read busier at the tick than the server's exact time with no one else running,
     * while an intruder always shows as a process.
     */
    @Test
    void underAQuotaOthersAreNoMoreThanWhatOtherProcessesUsed() {
        Interference aliased = CpuAccounting.compute(before, after, serverTicks, loadTicks, 0, Set.of(0), Set.of(1),
                true, 0.03, 1, 0);
        assertEquals(0, aliased.serverCpusOthersShare(), EPS, "no other process ran");
        assertTrue(aliased.clean());
        assertEquals(198, aliased.ticks().serverCpusOthers(), "the CPU's own count is kept as read");
        assertEquals(0, aliased.ticks().otherProcesses());
        Interference intruder = CpuAccounting.compute(before, after, serverTicks, loadTicks, 0, Set.of(0), Set.of(1),
                true, 0.03, 1, 250);
        assertEquals(0.198, intruder.serverCpusOthersShare(), EPS, "an intruder's process time caps nothing");
        assertFalse(intruder.clean());
    }

    /**
     * The other processes of the fixture: bash (pid 99) ran 5 ticks itself and reaped children that ran 130, so a
     * shell loop of short-lived processes shows; ksoftirqd/0's 90 ticks are the softirq field's and left out, and
     * the server's and the load's processes are sides, not others.
     */
    @Test
    void otherProcessesCountTheirReapedChildrenAndLeaveOutTheSidesAndTheSoftirqThreads() throws Exception {
        Pinning pinning = new Pinning(true, "0", "1", 1, 1, "test");
        CpuAccounting then = new CpuAccounting(fixture("before"), pinning, 0.03, () -> List.of(777L), List::of,
                true);
        CpuAccounting now = new CpuAccounting(fixture("after"), pinning, 0.03, () -> List.of(777L), List::of,
                true);
        CpuAccounting.Snapshot a = then.snapshot(4242);
        CpuAccounting.Snapshot b = now.snapshot(4242);
        assertEquals(Set.of(99L), b.others().keySet());
        Interference i = now.between(a, b, 1);
        assertEquals(135, i.ticks().otherProcesses());
        assertEquals(0.135, i.serverCpusOthersShare(), EPS, "capped from 198 to what the other processes used");
        assertFalse(i.clean());
        CpuAccounting uncapped = new CpuAccounting(fixture("after"), pinning, 0.03, () -> List.of(777L), List::of,
                false);
        assertTrue(uncapped.snapshot(4242).others().isEmpty(), "without a quota the processes are not read");
    }

    @Test
    void theRawTicksAreKeptUnclampedAndStealIsGatedOnTheWorseCpu() {
        Interference i = CpuAccounting.compute(before, after, serverTicks, loadTicks, Set.of(0), Set.of(1), true,
                0.015, 1);
        assertEquals(20 / 1000.0, i.stealShare(), EPS, "CPU 0's steal, not the 1% average of both CPUs");
        assertFalse(i.clean(), "2% steal on one CPU is over a 1.5% gate");
        assertEquals(1000, i.ticks().cpus().get(0).total());
        assertEquals(300, i.ticks().serverProcesses());
        assertEquals(198, i.ticks().serverCpusOthers());
        Interference idle = CpuAccounting.compute(before, after, 600, loadTicks, Set.of(0), Set.of(1), true, 0.03, 1);
        assertEquals(0, idle.serverCpusOthersShare(), EPS);
        assertTrue(idle.ticks().serverCpusOthers() < 0, "kept unclamped: " + idle.ticks().serverCpusOthers());
    }

    @Test
    void waitingForQuietJudgesOthersAndStealNotTheComparisonsIdleServers() throws Exception {
        CpuAccounting accounting = new CpuAccounting(fixture("after"), new Pinning(true, "0", "1", 1, 1, "test"), 0.03,
                List::of);
        Interference idleServersOnly = CpuAccounting.compute(before, after, 0, loadTicks, 13, Set.of(0), Set.of(1),
                true, 0.03, 1);
        assertFalse(idleServersOnly.clean(), "a window's gate holds the waiting servers to a third of 3%");
        Interference quietButForOurs = new Interference(0.01, 0.0, 0.01, 0.0, 0.1, "neither", false, 1, 0.04, null);
        assertTrue(accounting.quiet(quietButForOurs), "4% from the comparison's own idle servers is not others'");
        Interference intruded = new Interference(0.2, 0.0, 0.0, 0.0, 0.1, "neither", false, 1, 0.0, null);
        assertFalse(accounting.quiet(intruded));
        Interference stolen = new Interference(0.0, 0.0, 0.05, 0.0, 0.1, "neither", false, 1, 0.0, null);
        assertFalse(accounting.quiet(stolen));
    }

    @Test
    void theProgressLineNamesWhatWasOverItsGateNotTheLargestFigure() throws Exception {
        Pinning pinning = new Pinning(true, "0", "1", 1, 1, "test");
        CpuAccounting accounting = new CpuAccounting(fixture("after"), pinning, 0.03, List::of);
        Interference waitingTripped = new Interference(0.004, 0.002, 0.01, 0.5, 0.4, "neither", false, 1, 0.02,
                null);
        assertEquals("the comparison's waiting servers used 2% of CPU 0", accounting.worst(waitingTripped, pinning),
                "1% steal is under the 3% gate: it did not disturb the window");
        Interference stolen = new Interference(0.004, 0.002, 0.05, 0.5, 0.4, "neither", false, 1, 0.0, null);
        assertEquals("the hypervisor stole 5% of the CPUs", accounting.worst(stolen, pinning));
        Interference intruded = new Interference(0.2, 0.002, 0.05, 0.5, 0.4, "neither", false, 1, 0.0, null);
        assertEquals("others used 20% of CPU 0", accounting.worst(intruded, pinning));
    }

    @Test
    void theWaitingServersAreASideOfTheirOwnAndGateAtAThirdOfTheThreshold() throws Exception {
        Interference i = CpuAccounting.compute(before, after, 287, loadTicks, 13, Set.of(0), Set.of(1), true,
                0.03, 1);
        assertEquals(0.013, i.waitingShare(), EPS);
        assertEquals(0.198, i.serverCpusOthersShare(), EPS, "the waiting servers' ticks are not others'");
        assertFalse(i.clean(), "13 ticks less the allowance of 2 are 1.1% of the server CPU, over a third of 3%");
        CpuAccounting accounting = new CpuAccounting(fixture("after"), new Pinning(true, "0", "1", 1, 1, "test"), 0.5,
                List::of);
        Interference waitingOnly = CpuAccounting.compute(before, after, 287, loadTicks, 13, Set.of(0), Set.of(1),
                true, 0.02, 1);
        assertEquals("the comparison's waiting servers used 1% of CPU 0",
                accounting.worst(waitingOnly, new Pinning(true, "0", "1", 1, 1, "test")));
        Interference quiet = CpuAccounting.compute(before, after, 295, loadTicks, 5, Set.of(0), Set.of(1), true,
                0.21, 1);
        assertTrue(quiet.clean(), "0.5% under a third of 21%");
    }

    /**
     * Nine one-second windows, each with an intruder of 2 ticks on CPU 0: within each window's allowance, so every
     * window is clean; their sum, 18 ticks against an allowance of 2 × √9 = 6, is 1.3% of 900 and disturbed at 1%.
     */
    @Test
    void aSteadyIntruderBelowEachWindowsAllowanceShowsInTheRoundsSum() throws Exception {
        SortedMap<Integer, CpuTicks> zero = new java.util.TreeMap<>(Map.of(0, CpuTicks.ZERO, 1, CpuTicks.ZERO));
        SortedMap<Integer, CpuTicks> window = new java.util.TreeMap<>(Map.of(
                0, new CpuTicks(52, 0, 0, 48, 0, 0, 0, 0), 1, new CpuTicks(30, 0, 0, 70, 0, 0, 0, 0)));
        List<Interference> windows = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Interference w = CpuAccounting.compute(zero, window, 50, 30, Set.of(0), Set.of(1), true, 0.01, 1);
            assertTrue(w.clean(), w.toString());
            windows.add(w);
        }
        CpuAccounting accounting = new CpuAccounting(fixture("after"), new Pinning(true, "0", "1", 1, 1, "test"),
                0.01, List::of);
        Interference round = accounting.sum(windows);
        assertEquals(12 / 900.0, round.serverCpusOthersShare(), EPS);
        assertFalse(round.clean());
    }

    @Test
    void summedWindowsAreJudgedTogether() throws Exception {
        Interference one = CpuAccounting.compute(before, after, serverTicks, loadTicks, Set.of(0), Set.of(1), true,
                0.03, 1);
        CpuAccounting accounting = new CpuAccounting(fixture("after"), new Pinning(true, "0", "1", 1, 1, "test"),
                0.03, List::of);
        Interference two = accounting.sum(List.of(one, one));
        assertEquals(2000, two.ticks().cpus().get(0).total());
        assertEquals(600, two.ticks().serverProcesses());
        assertEquals(0.198, two.serverCpusOthersShare(), EPS);
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

    /**
     * The server is this JVM's child, yet its time is the server's alone: counted as the load's too, it would be
     * subtracted from the load CPUs' busy time and hide that much interference there. A child of this JVM that is
     * neither the server nor a registered helper is no one's (others').
     */
    @Test
    void theServersProcessTreeIsNeverTheLoadsAndThisJvmsOtherChildrenAreOthers() throws Exception {
        Process server = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            LoadSide helpers = new LoadSide();
            CpuAccounting accounting = new CpuAccounting(ProcFs.SYSTEM, Pinning.decide(false), 0.03, helpers::pids);
            long serverChild = server.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(-1L);

            CpuAccounting.Snapshot s = accounting.snapshot(server.pid());

            assertTrue(s.server().containsKey(server.pid()));
            assertFalse(s.load().containsKey(server.pid()), "the server counted as the load's");
            if (serverChild > 0) {
                assertTrue(s.server().containsKey(serverChild), "the server's children are the server's");
                assertFalse(s.load().containsKey(serverChild));
            }
            assertTrue(s.load().containsKey(ProcessHandle.current().pid()), "this JVM is the load");
            assertFalse(s.load().containsKey(stranger.pid()), "an unregistered child counted as the load's");

            helpers.add(stranger.toHandle());
            assertTrue(accounting.snapshot(server.pid()).load().containsKey(stranger.pid()), "a registered helper");
        } finally {
            server.destroyForcibly().waitFor();
            stranger.destroyForcibly().waitFor();
        }
    }

    /**
     * Two hosts: the server host's counters come from its agent (here the fixture's CPU 0 and server, read as a
     * server host would), this machine's from its own /proc (the fixture's CPU 1 is the load's). Both machines have
     * a CPU 0; the server host's is kept under 1000, so that both are in the record and each side is judged on its
     * own: the server side shows the same 19.8% as on one machine.
     */
    @Test
    void aServerHostsCpusAreKeptApartFromThisMachinesAndJudgedAlone(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        java.nio.file.Files.copy(fixture("before").root().resolve("stat"), stat);
        java.util.Iterator<ServerSideCounters.Reading> remote = List.of(
                new ServerSideCounters.Reading(new java.util.TreeMap<>(Map.of(1000, before.get(0))),
                        Map.of(4242L, fixture("before").processTicks(4242)), Map.of()),
                new ServerSideCounters.Reading(new java.util.TreeMap<>(Map.of(1000, after.get(0))),
                        Map.of(4242L, fixture("after").processTicks(4242)), Map.of())).iterator();
        ServerSideCounters agent = new ServerSideCounters() {
            public Set<Integer> cpus() {
                return Set.of(1000);
            }

            public boolean apart() {
                return true;
            }

            public boolean onThisMachine() {
                return false;
            }

            public Reading read(long serverPid, List<Long> waitingPids) {
                return remote.next();
            }
        };
        CpuAccounting accounting = new CpuAccounting(new ProcFs(dir), new Pinning(true, "0", "1", 1, 1, "test"),
                0.03, List::of, List::of, agent, true);

        CpuAccounting.Snapshot a = accounting.snapshot(4242);
        java.nio.file.Files.copy(fixture("after").root().resolve("stat"), stat,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CpuAccounting.Snapshot b = accounting.snapshot(4242);
        Interference i = accounting.between(a, b, 1);

        assertEquals(Set.of(0, 1, 1000), i.ticks().cpus().keySet(), "both machines' CPU 0, apart");
        assertEquals(300, i.ticks().serverProcesses());
        assertEquals(0.198, i.serverCpusOthersShare(), EPS, "the server host's CPU alone");
        assertEquals(0.698, i.loadCpusOthersShare(), EPS, "this machine's CPU 1 alone: the fixture has no load");
        assertTrue(b.load().containsKey(ProcessHandle.current().pid()), "this JVM is the load, whatever runs there");
        assertEquals(20 / 1000.0, i.stealShare(), EPS, "steal on the server host's CPU counts");
    }
}
