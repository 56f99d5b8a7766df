package poolbench.compare;

import java.nio.file.Path;
import java.util.List;
import poolbench.compare.agent.ServerAgent;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Gate;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Suite;

/**
 * What {@code poolbench compare} was asked for.
 *
 * @param arms      the arms to run, in order
 * @param out       the run directory (raw/ and environment.json go in it)
 * @param pin       whether to pin server and load to separate CPUs
 * @param repo      the project's root, for the git commit and built binaries
 * @param terminal  whether progress may redraw a bar in place
 * @param gate      when a run counts: the quiet wait, the others' threshold, the attempts
 * @param jvmSettings heap × collector combinations every run is repeated at ({@code --heaps}, {@code --gcs});
 *                  empty for the default JVM plus the suite's own sweep
 * @param dbPoolSize the HikariCP pool size servers on {@code db} get ({@code --db-pool-size})
 * @param cpuQuota   the share of the server CPUs each server of a comparison may use ({@code --cpu-quota}; 0: none)
 * @param quotaPeriod the quota's enforcement period ({@code --quota-period})
 * @param resume     {@code out} holds an interrupted or partly failed run of the same suite: run only what it
 *                   lacks ({@code --resume})
 * @param serverAgent the server host's agent the servers run through ({@code --server-agent}, {@code --token-file});
 *                    null: the servers run on this machine
 */
public record CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal,
                             Gate gate, List<JvmSetting> jvmSettings, int dbPoolSize, double cpuQuota,
                             java.time.Duration quotaPeriod, boolean resume, ServerAgent serverAgent) {

    /** Options of a run whose servers run on this machine. */
    public CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal,
                          Gate gate, List<JvmSetting> jvmSettings, int dbPoolSize, double cpuQuota,
                          java.time.Duration quotaPeriod, boolean resume) {
        this(suite, arms, out, pin, repo, terminal, gate, jvmSettings, dbPoolSize, cpuQuota, quotaPeriod, resume,
                null);
    }

    public CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal,
                          Gate gate, List<JvmSetting> jvmSettings, int dbPoolSize) {
        this(suite, arms, out, pin, repo, terminal, gate, jvmSettings, dbPoolSize, CpuQuota.DEFAULT_SHARE,
                java.time.Duration.ofNanos(CpuQuota.DEFAULT_PERIOD_MICROS * 1_000), false);
    }

    /** The pool size {@code db} runs with unless told: {@code serve}'s own default. */
    public static final int DEFAULT_DB_POOL_SIZE = poolbench.db.PooledWorldDatabase.Options.DEFAULT_POOL_SIZE;

    public CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal) {
        this(suite, arms, out, pin, repo, terminal, Gate.DEFAULTS);
    }

    public CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal,
                          Gate gate) {
        this(suite, arms, out, pin, repo, terminal, gate, List.of(), DEFAULT_DB_POOL_SIZE);
    }

    /** The suite as it runs: with the --heaps × --gcs combinations in place of its own sweep, when given. */
    public Suite effectiveSuite() {
        return jvmSettings.isEmpty() ? suite : suite.atEvery(jvmSettings);
    }
}
