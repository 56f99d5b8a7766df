package poolbench.compare.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import poolbench.server.connection.BufferOwnership;
import poolbench.server.connection.TimeoutMode;

/**
 * The {@code poolbench serve} options a workload or an arm label gives its server, typed: each is null (or 0) for
 * serve's own default, and {@link #args()} writes them as serve's flags, the one place those flag names are
 * spelled in compare.
 *
 * @param concurrency           {@code --concurrency}: the cap on connections served at once
 * @param maxIdleWorkerDuration {@code --max-idle-worker-duration}: when idle pooled workers are reaped
 * @param timeouts              {@code --timeouts}: how read and idle deadlines are enforced
 * @param buffers               {@code --buffers}: who owns a connection's buffers
 * @param cpuExecutor           {@code --cpu-executor}: /cpu on a bounded platform executor of this many threads
 */
public record ServeOptions(Integer concurrency, Duration maxIdleWorkerDuration, TimeoutMode timeouts,
                           BufferOwnership buffers, Integer cpuExecutor) {

    public static final ServeOptions DEFAULTS = new ServeOptions(null, null, null, null, null);

    public ServeOptions withConcurrency(int cap) {
        return new ServeOptions(cap, maxIdleWorkerDuration, timeouts, buffers, cpuExecutor);
    }

    public ServeOptions withMaxIdleWorkerDuration(Duration d) {
        return new ServeOptions(concurrency, d, timeouts, buffers, cpuExecutor);
    }

    public ServeOptions withTimeouts(TimeoutMode mode) {
        return new ServeOptions(concurrency, maxIdleWorkerDuration, mode, buffers, cpuExecutor);
    }

    public ServeOptions withBuffers(BufferOwnership owner) {
        return new ServeOptions(concurrency, maxIdleWorkerDuration, timeouts, owner, cpuExecutor);
    }

    public ServeOptions withCpuExecutor(int threads) {
        return new ServeOptions(concurrency, maxIdleWorkerDuration, timeouts, buffers, threads);
    }

    /** serve's flags for the options set, in a fixed order. */
    public List<String> args() {
        List<String> args = new ArrayList<>();
        if (concurrency != null) {
            args.addAll(List.of("--concurrency", Integer.toString(concurrency)));
        }
        if (maxIdleWorkerDuration != null) {
            args.addAll(List.of("--max-idle-worker-duration", maxIdleWorkerDuration.toMillis() + "ms"));
        }
        if (timeouts != null) {
            args.addAll(List.of("--timeouts", timeouts.name().toLowerCase(Locale.ROOT)));
        }
        if (buffers != null) {
            args.addAll(List.of("--buffers", buffers.name().toLowerCase(Locale.ROOT)));
        }
        if (cpuExecutor != null) {
            args.addAll(List.of("--cpu-executor", Integer.toString(cpuExecutor)));
        }
        return args;
    }
}
