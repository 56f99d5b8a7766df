package poolbench.compare.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import poolbench.compare.CompareRun;

/**
 * Which CPUs the server JVM and the load run on. With taskset and at least two CPUs the server gets the first
 * half and the load the rest, so neither steals the other's cycles; otherwise both share every CPU, and the
 * report says so.
 *
 * @param enabled    whether taskset is used
 * @param serverCpus taskset CPU list for the server, e.g. "0"
 * @param loadCpus   taskset CPU list for the load (this JVM), e.g. "1"
 * @param serverCpuCount how many CPUs the server may use (its -XX:ActiveProcessorCount when pinned)
 * @param loadCpuCount   how many CPUs the load may use (its selector threads)
 * @param note       how the choice was made, for the report
 */
public record Pinning(boolean enabled, String serverCpus, String loadCpus, int serverCpuCount, int loadCpuCount,
                      String note) {

    /** Decides from the CPUs this process may use; {@code wanted} false is --no-pin. */
    public static Pinning decide(boolean wanted) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!wanted) {
            return unpinned(cpus, "not pinned: --no-pin");
        }
        if (!tasksetPresent()) {
            return unpinned(cpus, "not pinned: taskset not found (apt-get install util-linux)");
        }
        if (cpus < 2) {
            return unpinned(cpus, "not pinned: only one CPU");
        }
        int server = cpus / 2;
        return new Pinning(true, range(0, server), range(server, cpus), server, cpus - server,
                "server on CPUs " + range(0, server) + ", load on CPUs " + range(server, cpus) + " (taskset)");
    }

    /**
     * The pinning on a server host, where {@code poolbench agent} runs: the servers get every CPU the agent may use
     * (start the agent under {@code taskset} to keep some apart), and no load runs there.
     */
    public static Pinning serverHost() {
        String cpus = allowedCpus();
        int count = ProcFs.cpuList(cpus, Set.of()).size();
        boolean taskset = tasksetPresent();
        return new Pinning(taskset, cpus, "", count, 0, "servers on CPUs " + cpus + ", every CPU the agent may use"
                + (taskset ? " (taskset)" : " (taskset not found: inherited)"));
    }

    /**
     * The pinning of a compare whose servers run on another machine: the load gets every CPU this process may use
     * (this machine is the load's), the servers the CPUs the server host's agent gave them. {@code wanted} false
     * (--no-pin) leaves the load and its helpers unpinned.
     */
    public static Pinning twoHosts(boolean wanted, Pinning serverHost) {
        String cpus = allowedCpus();
        int count = ProcFs.cpuList(cpus, Set.of()).size();
        boolean pin = wanted && tasksetPresent();
        String load = pin ? "load on this machine's CPUs " + cpus + " (taskset)"
                : "load unpinned on this machine's CPUs " + cpus + (wanted ? " (taskset not found)" : " (--no-pin)");
        return new Pinning(pin, serverHost.serverCpus(), pin ? cpus : "", serverHost.serverCpuCount(), count,
                "servers on the server host's CPUs " + serverHost.serverCpus() + " (its agent's), " + load);
    }

    /** The CPUs this process may run on, as taskset lists them ({@code Cpus_allowed_list}). */
    static String allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Fall back to every CPU the JVM sees.
        }
        return range(0, Runtime.getRuntime().availableProcessors());
    }

    private static Pinning unpinned(int cpus, String note) {
        return new Pinning(false, "", "", cpus, cpus, note);
    }

    private static String range(int from, int to) {
        return to - from == 1 ? Integer.toString(from) : from + "-" + (to - 1);
    }

    private static boolean tasksetPresent() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "taskset"))) {
                return true;
            }
        }
        return false;
    }

    /** The command prefix that runs a server process on its CPUs (empty when unpinned). */
    public List<String> serverPrefix() {
        return enabled ? List.of("taskset", "-c", serverCpus) : List.of();
    }

    /**
     * The command prefix for a load-side helper process (a downstream backend, a database): on the load CPUs, where
     * the accounting counts it as the load's (register it in {@link CompareRun#loadSide()}).
     */
    public List<String> loadPrefix() {
        return enabled ? List.of("taskset", "-c", loadCpus) : List.of();
    }

    /** Pins every thread of this JVM (the load generator's) to the load CPUs; new threads inherit it. */
    public void pinThisProcess() throws IOException, InterruptedException {
        if (!enabled) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("taskset", "-a", "-p", "-c", loadCpus,
                Long.toString(ProcessHandle.current().pid())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IOException("taskset could not pin the load to CPUs " + loadCpus + "; rerun with --no-pin");
        }
    }
}
