package poolbench.compare.record;

import java.nio.file.Path;
import java.util.List;
import poolbench.compare.machine.Pinning;

/**
 * The server host of a two-host run, as its {@code poolbench agent} describes it: environment.json's
 * {@code serverHost}, beside the top level's description of this machine (the load's).
 *
 * @param agent          the agent's address, {@code http://10.0.0.1:7070} (as compare reached it)
 * @param hostId         a short, stable name for that machine
 * @param pinning        the servers' CPUs there (every CPU the agent may use)
 * @param serverJvmFlags the flags of every server JVM there at the default heap and collector
 * @param goArms         whether the Go arms can be built there
 * @param cpuKeyOffset   in the records' per-CPU ticks, that machine's CPU n is kept under {@code n + cpuKeyOffset}, so
 *                       that neither machine's CPU 0 hides the other's (0 until compare keys them)
 */
public record ServerMachine(String agent, String hostId, String cpuModel, int cpus, String kernel, String os,
                            String jdkVendor, String jdkVersion, String jvmName, String gitCommit, Pinning pinning,
                            List<String> serverJvmFlags, boolean goArms, int cpuKeyOffset) {

    /** This machine, as an agent at {@code agent} describes it. */
    public static ServerMachine thisOne(String agent, Path repo, Pinning pinning, List<String> serverJvmFlags,
                                        boolean goArms) {
        return new ServerMachine(agent, Environment.machineId(), Environment.readCpuModel(),
                Runtime.getRuntime().availableProcessors(), Environment.kernelRelease(), Environment.osName(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), Environment.gitCommit(repo), pinning, serverJvmFlags, goArms, 0);
    }

    /** As compare records it: the agent at the address compare reached it at, its CPUs under {@code n + offset}. */
    public ServerMachine asRecorded(String reachedAt, int offset) {
        return new ServerMachine(reachedAt, hostId, cpuModel, cpus, kernel, os, jdkVendor, jdkVersion, jvmName,
                gitCommit, pinning, serverJvmFlags, goArms, offset);
    }
}
