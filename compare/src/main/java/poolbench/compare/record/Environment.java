package poolbench.compare.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Pinning;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Suite;

/**
 * The machine, JDK and flags a run was measured with, written beside its records as environment.json: numbers
 * without these cannot be compared or reproduced.
 *
 * @param serverJvmFlags the flags of every server JVM at the default heap and collector
 * @param jvmSettings    the heap × collector combinations runs were swept over ({@code 1g-parallel}; empty: none)
 * @param sweptArms      the arms the sweep covered ({@code *}: every arm)
 * @param dbPoolSize     the HikariCP pool size of servers on {@code db}
 * @param skipped        workloads left out and why, one line each ({@code db: PostgreSQL not found ...})
 * @param cpuQuota       the CPU quota each server of a comparison ran under (null in runs before quotas)
 * @param comparisons    the comparisons' ids, launches and rounds ({@code plaintext-c64: 3 launches × 2 rounds})
 * @param serverHost     in a two-host run, the machine the servers ran on (the rest describes this one, the load's;
 *                       {@code serverJvmFlags}, {@code cpuQuota} and the accounting's server CPUs are the server
 *                       host's); null when the servers ran here
 */
public record Environment(String date, String hostId, String cpuModel, int cpus, String kernel, String os,
                          String jdkVendor, String jdkVersion, String jvmName, List<String> serverJvmFlags,
                          Pinning pinning, String gitCommit, String suite, String warmup, String duration,
                          int repeats, Accounting accounting, List<String> jvmSettings, List<String> sweptArms,
                          int dbPoolSize, List<String> skipped, CpuQuota cpuQuota, List<String> comparisons,
                          ServerMachine serverHost) {

    /**
     * What the CPU accounting needs to be read: the tick the /proc counters count in, the CPUs each side used, and
     * the thresholds that marked runs disturbed or client-bound.
     *
     * @param clockTicksPerSecond USER_HZ, the unit of /proc/stat and /proc/<pid>/stat
     * @param serverCpus          the server's CPUs, e.g. "0"; every CPU when unpinned
     * @param loadCpus            the load's CPUs (this JVM and its helper processes)
     * @param perCpu              false when unpinned: interference is machine-wide, not per CPU
     * @param othersThreshold     a run whose others' share (or steal) on either side is above this is disturbed
     * @param attempts            tries per run before a disturbed one is kept as disturbed
     * @param quietWaitSeconds    the longest wait for quiet CPUs before a run
     * @param saturated           a side at or above this utilization was the bottleneck
     * @param roundingTicks       ticks per CPU and window counted as no one's
     * @param steadyWithin        warm-up ends when two consecutive one-second throughputs agree within this
     */
    public record Accounting(long clockTicksPerSecond, String serverCpus, String loadCpus, boolean perCpu,
                             double othersThreshold, int attempts, double quietWaitSeconds, double saturated,
                             long roundingTicks, double steadyWithin) {
    }

    /** An environment of a run whose servers ran on this machine. */
    public Environment(String date, String hostId, String cpuModel, int cpus, String kernel, String os,
                       String jdkVendor, String jdkVersion, String jvmName, List<String> serverJvmFlags,
                       Pinning pinning, String gitCommit, String suite, String warmup, String duration, int repeats,
                       Accounting accounting, List<String> jvmSettings, List<String> sweptArms, int dbPoolSize,
                       List<String> skipped, CpuQuota cpuQuota, List<String> comparisons) {
        this(date, hostId, cpuModel, cpus, kernel, os, jdkVendor, jdkVersion, jvmName, serverJvmFlags, pinning,
                gitCommit, suite, warmup, duration, repeats, accounting, jvmSettings, sweptArms, dbPoolSize, skipped,
                cpuQuota, comparisons, null);
    }

    /** An environment without accounting or sweep (as written before they existed). */
    public Environment(String date, String hostId, String cpuModel, int cpus, String kernel, String os,
                       String jdkVendor, String jdkVersion, String jvmName, List<String> serverJvmFlags,
                       Pinning pinning, String gitCommit, String suite, String warmup, String duration, int repeats) {
        this(date, hostId, cpuModel, cpus, kernel, os, jdkVendor, jdkVersion, jvmName, serverJvmFlags, pinning,
                gitCommit, suite, warmup, duration, repeats, null, List.of(), List.of(), 0, List.of(), null, List.of(),
                null);
    }

    public static Environment capture(List<String> serverJvmFlags, Pinning pinning, Suite suite, Path repo,
                               Accounting accounting, int dbPoolSize, List<String> skipped, CpuQuota quota,
                               ServerMachine serverHost) {
        return new Environment(Instant.now().toString(), machineId(), readCpuModel(),
                Runtime.getRuntime().availableProcessors(), kernelRelease(), osName(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), serverJvmFlags, pinning, gitCommit(repo), suite.name(),
                suite.warmup().toString(), suite.duration().toString(), suite.repeats(), accounting,
                suite.sweep().settings().stream().map(JvmSetting::label).toList(), suite.sweep().arms(), dbPoolSize,
                skipped, quota, suite.comparisons().stream().map(c -> c.id() + ": " + String.join(", ", c.arms())
                        + "; " + c.launches() + " launches × " + c.rounds() + " rounds").toList(), serverHost);
    }

    /** The kernel's release, {@code 6.1.0-26-amd64}. */
    public static String kernelRelease() {
        return firstLine(Path.of("/proc/sys/kernel/osrelease"), System.getProperty("os.version"));
    }

    /** {@code Linux amd64}. */
    public static String osName() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    /** USER_HZ from {@code getconf CLK_TCK}; 100, the value on every Linux architecture poolbench runs on, if not found. */
    public static long clockTicksPerSecond() {
        String tick = run(Path.of("."), "getconf", "CLK_TCK");
        return tick.matches("\\d+") ? Long.parseLong(tick) : 100;
    }

    /** A short, stable name for this machine: the start of /etc/machine-id, else the host name. */
    public static String machineId() {
        String id = firstLine(Path.of("/etc/machine-id"), "");
        if (id.length() >= 8) {
            return id.substring(0, 8);
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host.replaceAll("[^A-Za-z0-9-]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The CPU's model name from /proc/cpuinfo, or "unknown". */
    public static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String firstLine(Path p, String fallback) {
        try {
            List<String> lines = Files.readAllLines(p);
            return lines.isEmpty() ? fallback : lines.get(0).trim();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The commit the run was built from, with "-dirty" when the tree had uncommitted changes. */
    public static String gitCommit(Path repo) {
        String commit = run(repo, "git", "rev-parse", "HEAD");
        if (commit.isEmpty()) {
            return "unknown";
        }
        return run(repo, "git", "status", "--porcelain", "--untracked-files=no").isEmpty() ? commit : commit + "-dirty";
    }

    private static String run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
