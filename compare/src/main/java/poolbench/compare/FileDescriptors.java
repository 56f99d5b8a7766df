package poolbench.compare;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * File descriptors for 10,000 connections. The load holds one per connection in this JVM; a server on
 * {@code downstream} holds two (the client's and its own to the backend), the backend one. The JVM raises its
 * own soft limit to the hard one at start ({@code -XX:+MaxFDLimit}), so this JVM's limit is the hard limit it
 * was started under; child processes are started through {@code bash -c 'ulimit -n N; exec ...'}, which root may
 * raise past the hard limit.
 */
final class FileDescriptors {

    /** What every server, backend and database process is given (or as much as the hard limit allows). */
    static final int CHILD_LIMIT = 65_536;

    /** Descriptors a JVM needs besides its connections: jars, logs, selectors, the JDK's own. */
    private static final int OVERHEAD = 512;

    private FileDescriptors() {
    }

    /** The most descriptors this JVM may open, or -1 where the platform does not say. */
    static long thisJvmLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return os.getMaxFileDescriptorCount();
        }
        return -1;
    }

    /**
     * Fails in one line, before anything starts, when {@code connections} cannot be held: by this JVM (the load)
     * or by a child that cannot be raised to two per connection.
     */
    static void check(int connections) {
        long mine = thisJvmLimit();
        long loadNeeds = connections + OVERHEAD;
        if (mine >= 0 && mine < loadNeeds) {
            throw new IllegalStateException("compare needs " + loadNeeds + " file descriptors for " + connections
                    + " connections but may open " + mine + "; raise the limit (ulimit -n " + CHILD_LIMIT
                    + " in the shell that runs it, or nofile in /etc/security/limits.conf) and rerun");
        }
        long serverNeeds = 2L * connections + OVERHEAD;
        if (!isRoot() && mine >= 0 && mine < serverNeeds) {
            throw new IllegalStateException("a server on downstream needs " + serverNeeds + " file descriptors for "
                    + connections + " connections but the hard limit is " + mine + "; raise it (ulimit -Hn, or "
                    + "nofile in /etc/security/limits.conf) or run as root");
        }
    }

    /**
     * The prefix that starts a child with {@link #CHILD_LIMIT} descriptors, or the hard limit when it may not go
     * that far; empty without bash.
     */
    static List<String> prefix() {
        if (!Files.isExecutable(Path.of("/bin/bash"))) {
            return List.of();
        }
        return List.of("/bin/bash", "-c", "ulimit -n " + CHILD_LIMIT + " 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; "
                + "exec \"$@\"", "poolbench-child");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
