package poolbench.compare.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * What the accounting reads from {@code /proc}: per-CPU ticks from {@code stat}, and a process's user + system
 * ticks from {@code <pid>/stat}. The root is a parameter so tests read fixture files instead.
 *
 * <p>A process's ticks come from {@code /proc/<pid>/stat}, not the sum of {@code /proc/<pid>/task/*}/stat: the
 * process line includes the threads that already ended, and the per-connection arm ends a thread per connection,
 * whose time the task directories no longer show.
 */
public record ProcFs(Path root) {

    public static final ProcFs SYSTEM = new ProcFs(Path.of("/proc"));

    /** Every CPU's ticks so far, by CPU number. */
    public SortedMap<Integer, CpuTicks> cpus() throws IOException {
        SortedMap<Integer, CpuTicks> cpus = new TreeMap<>();
        for (String line : Files.readAllLines(root.resolve("stat"))) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                String[] f = line.trim().split("\\s+");
                cpus.put(Integer.parseInt(f[0].substring(3)), CpuTicks.parse(f));
            }
        }
        return cpus;
    }

    /** The kernel threads whose time is the CPU's softirq field already (see {@link Interference}). */
    private static final String SOFTIRQ_THREAD = "ksoftirqd/";

    /**
     * utime + stime of a process in ticks, 0 when it is gone. The command name in parentheses may hold spaces,
     * so fields are counted from the last ')'.
     */
    public long processTicks(long pid) {
        String[] f = statFields(pid);
        // After the name: state is field 3 of proc(5), so utime (14) and stime (15) are at 11 and 12 here.
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * utime + stime + cutime + cstime: a process's own ticks and those of the children it has waited for. Read for
     * this JVM after a child exits, it holds the child's whole tree (JMH's forks included).
     */
    public long processTicksWithChildren(long pid) {
        String[] f = statFields(pid);
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                + Long.parseLong(f[14]);
    }

    /**
     * Every process this {@code /proc} shows but {@code excluded}, with its own ticks and its reaped children's
     * ({@link #processTicksWithChildren}: a build or a shell loop that forks short-lived processes shows in its
     * parent's). The CPUs' {@code ksoftirqd/N} threads are left out: their time is the softirq field's.
     */
    public Map<Long, Long> otherProcessTicks(Set<Long> excluded) {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (excluded.contains(pid)) {
                    continue;
                }
                String[] f = statFields(pid);
                if (f != null && !f[f.length - 1].startsWith(SOFTIRQ_THREAD)) {
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                            + Long.parseLong(f[14]));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return ticks;
        }
        return ticks;
    }

    /** The fields after the command name, with the name itself appended last; null when the process is gone. */
    private String[] statFields(long pid) {
        try {
            String line = Files.readString(root.resolve(Long.toString(pid)).resolve("stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] f = line.substring(close + 2).trim().split("\\s+");
            String[] withName = java.util.Arrays.copyOf(f, f.length + 1);
            withName[f.length] = line.substring(open + 1, close);
            Long.parseLong(f[14]);
            return withName;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** Each process's ticks, by pid (0 for one that is gone). */
    public Map<Long, Long> processTicksByPid(Collection<Long> pids) {
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : pids) {
            ticks.put(pid, processTicks(pid));
        }
        return ticks;
    }

    /** The ticks of a set of processes, summed. */
    public long processTicks(Collection<Long> pids) {
        return pids.stream().mapToLong(this::processTicks).sum();
    }

    /** The processes and, while they live, their descendants (a PostgreSQL forks a process per connection). */
    public static Set<Long> withDescendants(Collection<Long> pids) {
        Set<Long> all = new LinkedHashSet<>(pids);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> all.add(d.pid())));
        }
        return all;
    }

    /** "0", "1-3", "0,2-3" → the CPU numbers; "" (unpinned) → every CPU given. */
    public static Set<Integer> cpuList(String list, Set<Integer> every) {
        if (list == null || list.isBlank()) {
            return every;
        }
        Set<Integer> cpus = new HashSet<>();
        for (String part : List.of(list.split(","))) {
            String[] r = part.trim().split("-");
            int from = Integer.parseInt(r[0]);
            int to = r.length > 1 ? Integer.parseInt(r[1]) : from;
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }
}
