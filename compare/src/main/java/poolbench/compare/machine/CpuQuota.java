package poolbench.compare.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CPU quota for each server process: what a container with a CPU limit gets. On loopback a request costs the
 * client about what it costs the server, so on a small machine neither side can saturate the other with room to
 * spare; a server held to part of its CPU leaves the load generator headroom, and capacity is then the server's.
 *
 * <p>Each server gets a cgroup of its own (cgroup v1's {@code cpu} controller, {@code cpu.cfs_quota_us} per
 * {@code cpu.cfs_period_us}, or v2's {@code cpu.max}), joined by the server's shell before it execs the JVM, so the
 * JVM sizes itself from the quota from its first instruction. A short period (10 ms by default) keeps the throttling
 * stalls short: a server that spends its quota early in a period waits out the rest of it, which shows in the tail
 * latencies (at most one period minus the quota, 5 ms at the defaults).
 *
 * @param share        the share of the server CPUs each server may use, 0..1; 0 when no quota is applied
 * @param periodMicros the enforcement period
 * @param quotaMicros  CPU time per period (share × server CPUs × period)
 * @param controller   {@code cgroup-v1}, {@code cgroup-v2}, or {@code none}
 * @param note         how the choice was made, for the record and the report
 */
public record CpuQuota(double share, long periodMicros, long quotaMicros, String controller, String note) {

    public static final double DEFAULT_SHARE = 0.5;
    public static final long DEFAULT_PERIOD_MICROS = 10_000;

    private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2 = Path.of("/sys/fs/cgroup");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    public static final CpuQuota NONE = new CpuQuota(0, 0, 0, "none", "no quota: --cpu-quota 0");

    public boolean applied() {
        return quotaMicros > 0;
    }

    /** "0.5 CPU (5 ms per 10 ms, cgroup-v1)", or the reason there is none. */
    public String describe() {
        return applied() ? String.format(Locale.ROOT, "%.2f CPU (%.1f ms per %.1f ms, %s)",
                quotaMicros / (double) periodMicros, quotaMicros / 1000.0, periodMicros / 1000.0, controller) : note;
    }

    /** Decides from the machine: a quota of {@code share} of {@code serverCpus} CPUs where a cgroup can be made. */
    public static CpuQuota decide(double share, long periodMicros, int serverCpus) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("--cpu-quota must be a share of the server's CPUs between 0 and 1 "
                    + "(0 for none), was " + share);
        }
        if (periodMicros < 1_000 || periodMicros > 1_000_000) {
            throw new IllegalArgumentException("--quota-period must be between 1ms and 1s, was " + periodMicros
                    + " µs");
        }
        if (share == 0) {
            return NONE;
        }
        long quota = Math.max(1_000, Math.round(share * serverCpus * periodMicros));
        if (Files.isWritable(V1.resolve("cgroup.procs")) && Files.exists(V1.resolve("cpu.cfs_quota_us"))) {
            return new CpuQuota(share, periodMicros, quota, "cgroup-v1", "a cgroup v1 cpu controller per server");
        }
        if (Files.exists(V2.resolve("cgroup.controllers")) && Files.isWritable(V2.resolve("cgroup.subtree_control"))) {
            return new CpuQuota(share, periodMicros, quota, "cgroup-v2", "a cgroup v2 cpu.max per server");
        }
        return new CpuQuota(0, periodMicros, 0, "none", "no quota: no writable cgroup cpu controller here "
                + "(needs root, and /sys/fs/cgroup/cpu or cgroup v2); capacity is measurable only where the load "
                + "keeps headroom");
    }

    /** One server's cgroup, made before it starts and removed after it ended. */
    public final class Group implements AutoCloseable {
        private final Path dir;

        private Group(Path dir) {
            this.dir = dir;
        }

        /** The shell prefix that moves the server's process into this group before it execs the server. */
        public List<String> prefix() {
            return List.of("/bin/sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"",
                    "poolbench-quota");
        }

        /** Removes the group; its processes have ended (a cgroup with members cannot be removed). */
        @Override
        public void close() {
            for (int i = 0; i < 50 && Files.isDirectory(dir); i++) {
                try {
                    Files.delete(dir);
                } catch (IOException busy) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** A new group with this quota, or empty when none is applied. */
    public Optional<Group> newGroup() throws IOException {
        if (!applied()) {
            return Optional.empty();
        }
        String name = "poolbench-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
        if (controller.equals("cgroup-v1")) {
            Path dir = V1.resolve(name);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("cpu.cfs_period_us"), Long.toString(periodMicros));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros));
            return Optional.of(new Group(dir));
        }
        String controllers = Files.readString(V2.resolve("cgroup.subtree_control"));
        if (!controllers.contains("cpu")) {
            Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
        }
        Path dir = V2.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cpu.max"), quotaMicros + " " + periodMicros);
        return Optional.of(new Group(dir));
    }
}
