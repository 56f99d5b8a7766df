package poolbench.compare.machine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import poolbench.compare.plan.Workload;

/**
 * File descriptors for 10,000 connections. The load holds one per connection in this JVM; a server on
 * {@code downstream} holds two (the client's and its own to the backend), the backend one. The JVM raises its
 * own soft limit to the hard one at start ({@code -XX:+MaxFDLimit}), so this JVM's limit is the hard limit it
 * was started under; child processes are started through {@code bash -c 'ulimit -n N; exec ...'}, which root may
 * raise past the hard limit.
 */
public final class FileDescriptors {

    /** What every server, backend and database process is given (or as much as the hard limit allows). */
    public static final int CHILD_LIMIT = 65_536;

    /** Descriptors a JVM needs besides its connections: jars, logs, selectors, the JDK's own. */
    private static final int OVERHEAD = 256;

    private FileDescriptors() {
    }

    /** The most descriptors this JVM may open, or -1 where the platform does not say. */
    public static long thisJvmLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return os.getMaxFileDescriptorCount();
        }
        return -1;
    }

    /**
     * Fails in one line, before anything starts, when the load (this JVM) cannot hold {@code connections}.
     */
    public static void checkLoad(int connections) {
        long mine = thisJvmLimit();
        long needs = connections + OVERHEAD;
        if (mine >= 0 && mine < needs) {
            throw new IllegalStateException("compare needs " + needs + " file descriptors for " + connections
                    + " connections but may open " + mine + "; raise the limit (ulimit -n " + CHILD_LIMIT
                    + " in the shell that runs it, or nofile in /etc/security/limits.conf) and rerun");
        }
    }

    /**
     * Why a server cannot run {@code w} at {@code connections} here (one line saying how to raise the limit), or
     * empty when it can: on downstream it holds two descriptors a connection.
     */
    public static Optional<String> serverShortage(Workload w, int connections) {
        long needs = (long) connections * (w.needsBackend() ? 2 : 1) + OVERHEAD;
        long limit = childLimit();
        if (limit < 0 || needs <= limit) {
            return Optional.empty();
        }
        return Optional.of(w.name() + " at " + connections + " connections: a server needs " + needs
                + " file descriptors and may open " + limit + " here, which this process cannot raise"
                + " (ulimit -n past the hard limit needs CAP_SYS_RESOURCE); raise the hard limit where the machine or"
                + " container starts (ulimit -Hn " + CHILD_LIMIT + ", docker run --ulimit nofile=" + CHILD_LIMIT + ")");
    }

    private static volatile long childLimit = -2;

    /** The limit a child started through {@link #prefix} gets: asked of bash once. */
    public static long childLimit() {
        if (childLimit == -2) {
            long found = -1;
            List<String> cmd = new ArrayList<>(prefix());
            if (!cmd.isEmpty()) {
                cmd.addAll(List.of("/bin/bash", "-c", "ulimit -n"));
                try {
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes()).trim();
                    if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        found = out.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(out);
                    }
                } catch (IOException | NumberFormatException e) {
                    found = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            childLimit = found;
        }
        return childLimit;
    }

    /**
     * The prefix that starts a child with {@link #CHILD_LIMIT} descriptors, or the hard limit when it may not go
     * that far; empty without bash.
     */
    public static List<String> prefix() {
        if (!Files.isExecutable(Path.of("/bin/bash"))) {
            return List.of();
        }
        return List.of("/bin/bash", "-c", "ulimit -n " + CHILD_LIMIT + " 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; "
                + "exec \"$@\"", "poolbench-child");
    }

}
