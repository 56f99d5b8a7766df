package poolbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts one arm's server: the same JVM, flags and class path for every JVM arm, on the
 * server CPUs; the arm name and the {@code serve} options follow it.
 */
final class ServerCommands {

    /** The same heap and collector for every arm, so allocation turns into GC work the same way. */
    static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private final Pinning pinning;
    private final Path repo;

    ServerCommands(Pinning pinning, Path repo) {
        this.pinning = pinning;
        this.repo = repo;
    }

    /** The JVM flags every server JVM gets, as recorded in environment.json. */
    List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        if (pinning.enabled()) {
            // The JVM sizes its GC and compiler threads (and the virtual-thread scheduler) from this.
            flags.add("-XX:ActiveProcessorCount=" + pinning.serverCpuCount());
        }
        return flags;
    }

    /** Everything before {@code serve --arm ...}: the Go program for a Go arm, else a JVM. */
    List<String> forArm(String arm) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(pinning.serverPrefix());
        if (GoArms.isGoArm(arm)) {
            // Go sizes GOMAXPROCS from the CPUs taskset leaves it, as the JVM does from ActiveProcessorCount.
            cmd.addAll(GoArms.command(repo));
            return cmd;
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmFlags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("poolbench.cli.Main");
        return cmd;
    }

    Path repo() {
        return repo;
    }
}
