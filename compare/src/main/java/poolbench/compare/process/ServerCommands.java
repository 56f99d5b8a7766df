package poolbench.compare.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.FileDescriptors;
import poolbench.compare.machine.Pinning;
import poolbench.compare.plan.JvmSetting;

/**
 * The command line that starts one arm's server: the same JVM, flags and class path for every JVM arm, on the
 * server CPUs; the arm name and the {@code serve} options follow it.
 */
public final class ServerCommands {

    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private final Pinning pinning;
    private final Path repo;

    public ServerCommands(Pinning pinning, Path repo) {
        this.pinning = pinning;
        this.repo = repo;
    }

    /** The JVM flags every server JVM gets at the default heap and collector, as recorded in environment.json. */
    public List<String> jvmFlags() {
        return jvmFlags(JvmSetting.DEFAULT);
    }

    /** The JVM flags of a server at {@code setting}. */
    public List<String> jvmFlags(JvmSetting setting) {
        List<String> flags = new ArrayList<>(setting.flags());
        // The server reads its context switches through getrusage (the foreign function API): allowed up front,
        // the JVM says nothing about it on every start.
        flags.add(NATIVE_ACCESS);
        if (pinning.enabled()) {
            // The JVM sizes its GC and compiler threads (and the virtual-thread scheduler) from this.
            flags.add("-XX:ActiveProcessorCount=" + pinning.serverCpuCount());
        }
        return flags;
    }

    /** Everything before {@code serve --arm ...}: the Go program for a Go arm, else a JVM. */
    public List<String> forArm(String arm) throws IOException, InterruptedException {
        return forArm(arm, JvmSetting.DEFAULT, List.of());
    }

    /**
     * The same at {@code setting}, with {@code extraJvmFlags} (a flight recording) and the descriptor limit
     * {@link FileDescriptors} asks for.
     */
    public List<String> forArm(String arm, JvmSetting setting, List<String> extraJvmFlags)
            throws IOException, InterruptedException {
        return forArm(arm, setting, extraJvmFlags, List.of());
    }

    /** The same, through {@code wrapper} (a {@link CpuQuota.Group}'s prefix) before the pinning. */
    public List<String> forArm(String arm, JvmSetting setting, List<String> extraJvmFlags, List<String> wrapper)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(FileDescriptors.prefix());
        cmd.addAll(wrapper);
        cmd.addAll(pinning.serverPrefix());
        if (GoArms.isGoArm(arm)) {
            // Go sizes GOMAXPROCS from the CPUs taskset leaves it, as the JVM does from ActiveProcessorCount.
            cmd.addAll(GoArms.command(repo));
            return cmd;
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmFlags(setting));
        cmd.addAll(extraJvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("poolbench.cli.Main");
        return cmd;
    }

    /**
     * A poolbench JVM on the load's CPUs: the downstream backend is load, not the server under test, so it runs
     * where the load generator does and its CPU is counted with the load's.
     */
    public List<String> onLoadCpus(List<String> jvmFlags) {
        List<String> cmd = new ArrayList<>(FileDescriptors.prefix());
        cmd.addAll(pinning.loadPrefix());
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmFlags);
        cmd.add(NATIVE_ACCESS);
        if (pinning.enabled()) {
            cmd.add("-XX:ActiveProcessorCount=" + pinning.loadCpuCount());
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("poolbench.cli.Main");
        return cmd;
    }

    public Path repo() {
        return repo;
    }
}
