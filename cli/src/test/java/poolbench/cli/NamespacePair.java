package poolbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Two network namespaces, {@code pb-server} and {@code pb-load}, joined by a veth pair on a /30 of their own
 * (10.200.0.1 and 10.200.0.2): two hosts on one machine for the two-host test. Only root can make them. Processes
 * run in one through {@code ip netns exec}; {@link #close} kills every process either holds, found by namespace
 * ({@code ip netns pids}), whoever started it, and deletes both namespaces, which takes the veth pair with them.
 *
 * <p>{@code ip netns exec} also mounts a fresh {@code /sys} for the namespace, without the cgroup hierarchies: a
 * server there gets no CPU quota, and says so in its records.
 */
final class NamespacePair implements AutoCloseable {

    static final String SERVER = "pb-server";
    static final String LOAD = "pb-load";
    static final String SERVER_ADDRESS = "10.200.0.1";
    static final String LOAD_ADDRESS = "10.200.0.2";
    private static final String SERVER_LINK = "pb-server0";
    private static final String LOAD_LINK = "pb-load0";
    private static final Duration KILL_WAIT = Duration.ofSeconds(15);

    private final List<ProcessHandle> killed = new ArrayList<>();

    private NamespacePair() {
    }

    /** Why namespaces cannot be made here (not root, no {@code ip}), or empty when they may be. */
    private static Optional<String> unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("network namespaces need root (ip netns add); this runs as "
                    + System.getProperty("user.name"));
        }
        boolean ip = Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")
                .anyMatch(p -> Files.isExecutable(Path.of(p)));
        return ip ? Optional.empty() : Optional.of("the ip command is missing (apt-get install iproute2)");
    }

    /**
     * Makes the pair, after removing one a crashed run left. Where namespaces cannot be made (not root, no
     * {@code ip}, a container that refuses them) the calling test is skipped with the reason; a later step that
     * fails is an {@link IOException}, a failure.
     */
    static NamespacePair create() throws IOException, InterruptedException {
        Optional<String> unavailable = unavailableReason();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
        NamespacePair pair = new NamespacePair();
        pair.close();
        pair.killed.clear();
        String refused = run("ip", "netns", "add", SERVER);
        Assumptions.assumeTrue(refused == null, "network namespaces cannot be made here: " + refused);
        try {
            check(run("ip", "netns", "add", LOAD));
            check(run("ip", "link", "add", SERVER_LINK, "type", "veth", "peer", "name", LOAD_LINK));
            check(run("ip", "link", "set", SERVER_LINK, "netns", SERVER));
            check(run("ip", "link", "set", LOAD_LINK, "netns", LOAD));
            check(run("ip", "-n", SERVER, "addr", "add", SERVER_ADDRESS + "/30", "dev", SERVER_LINK));
            check(run("ip", "-n", LOAD, "addr", "add", LOAD_ADDRESS + "/30", "dev", LOAD_LINK));
            for (String[] ns : new String[][] {{SERVER, SERVER_LINK}, {LOAD, LOAD_LINK}}) {
                check(run("ip", "-n", ns[0], "link", "set", ns[1], "up"));
                // A fresh namespace's loopback is down; a JVM there may want it.
                check(run("ip", "-n", ns[0], "link", "set", "lo", "up"));
            }
            return pair;
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    /** {@code command} run in {@code namespace}. */
    static List<String> in(String namespace, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(command);
        return cmd;
    }

    static boolean exists(String namespace) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.lines().anyMatch(l -> l.equals(namespace) || l.startsWith(namespace + " "));
    }

    /** Every process {@link #close} killed, for the test to see none is left. */
    List<ProcessHandle> killed() {
        return List.copyOf(killed);
    }

    /** Kills every process in either namespace, waits for them to end, and deletes both; safe to call again. */
    @Override
    public void close() throws InterruptedException {
        for (String ns : List.of(SERVER, LOAD)) {
            try {
                if (!exists(ns)) {
                    continue;
                }
                long deadline = System.nanoTime() + KILL_WAIT.toNanos();
                List<ProcessHandle> left;
                // A process may fork while the others are killed: kill by namespace until none is left.
                while (!(left = pids(ns)).isEmpty() && System.nanoTime() < deadline) {
                    left.forEach(ProcessHandle::destroyForcibly);
                    killed.addAll(left);
                    Thread.sleep(100);
                }
                run("ip", "netns", "del", ns);
            } catch (IOException e) {
                // Nothing to clean: ip itself is gone.
            }
        }
        try {
            // Left in this namespace only when a step between its creation and its move failed.
            run("ip", "link", "del", SERVER_LINK);
        } catch (IOException ignored) {
            // As above.
        }
    }

    private static List<ProcessHandle> pids(String namespace) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "pids", namespace).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.lines().map(String::strip).filter(l -> l.matches("\\d+")).map(Long::parseLong)
                .map(ProcessHandle::of).flatMap(Optional::stream).toList();
    }

    /** Runs {@code cmd}: null when it succeeded, else its output. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + " took over 10 s";
        }
        return p.exitValue() == 0 ? null : String.join(" ", cmd) + ": " + (out.isEmpty() ? "exit " + p.exitValue()
                : out);
    }

    private static void check(String failure) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
    }
}
