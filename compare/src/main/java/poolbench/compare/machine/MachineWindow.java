package poolbench.compare.machine;

import java.io.IOException;
import java.util.Set;
import java.util.SortedMap;

/**
 * CPU accounting over a window for a command that is not pinned (the JMH suites): machine-wide, with this JVM and
 * every child it has waited for as the run's own. Start it before the child, {@link #finish} after the child exited.
 */
public final class MachineWindow {

    private final ProcFs proc;
    private final long pid = ProcessHandle.current().pid();
    private final SortedMap<Integer, CpuTicks> cpus;
    private final long ownTicks;

    private MachineWindow(ProcFs proc) throws IOException {
        this.proc = proc;
        this.cpus = proc.cpus();
        this.ownTicks = proc.processTicksWithChildren(pid);
    }

    public static MachineWindow start() throws IOException {
        return new MachineWindow(ProcFs.SYSTEM);
    }

    /** Others' share of the machine, steal, and the run's own share, since {@link #start}. */
    public Interference finish(double threshold) throws IOException {
        SortedMap<Integer, CpuTicks> now = proc.cpus();
        Set<Integer> all = now.keySet();
        return CpuAccounting.compute(cpus, now, proc.processTicksWithChildren(pid) - ownTicks, 0, all, all, false,
                threshold, 1);
    }

    /** "others used 2.1% of the machine's CPU time, steal 0%, the run 96%; clean (threshold 3%)". */
    public static String describe(Interference i, double threshold) {
        return "others used " + Interference.percent(i.serverCpusOthersShare()) + " of the machine's CPU time, steal "
                + Interference.percent(i.stealShare()) + ", the run " + Interference.percent(i.serverCpuUtilization())
                + "; " + (i.clean() ? "clean" : "DISTURBED") + " (threshold " + Interference.percent(threshold) + ")";
    }
}
