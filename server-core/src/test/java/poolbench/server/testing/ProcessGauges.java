package poolbench.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the leak and overload tests watch in their own JVM: open file descriptors, platform threads (virtual
 * threads do not show here; a dispatcher's stats count those), threads by name, and heap in use.
 */
public final class ProcessGauges {

    private static final Path FDS = Path.of("/proc/self/fd");

    private ProcessGauges() {
    }

    /** Whether this process can count its descriptors (Linux' /proc). */
    public static boolean canCountFileDescriptors() {
        return Files.isDirectory(FDS);
    }

    /** Entries of /proc/self/fd, less the one listing them takes. */
    public static int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live platform threads, the JVM's own included. */
    public static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Live platform threads whose name starts with {@code prefix}. */
    public static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }

    /** The platform threads alive now. */
    public static Set<Thread> livePlatformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /**
     * The names of the platform threads alive now that were not in {@code before}, less the JDK's own: the
     * carriers and pollers that virtual threads and sockets start on first use and keep for the JVM's life.
     */
    public static List<String> startedSince(Set<Thread> before) {
        return livePlatformThreads().stream()
                .filter(t -> !before.contains(t) && !isJdkInfrastructure(t.getName()))
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    private static boolean isJdkInfrastructure(String name) {
        return name.startsWith("ForkJoinPool-") || name.contains("Poller") || name.startsWith("VirtualThread-")
                || name.equals("Attach Listener") || name.equals("process reaper");
    }

    /** Heap in use right after a requested collection: what is still reachable, give or take. */
    public static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
