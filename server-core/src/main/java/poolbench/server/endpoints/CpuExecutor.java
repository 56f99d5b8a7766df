package poolbench.server.endpoints;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import poolbench.server.accept.ServerConfig;

/**
 * Where {@code /cpu}'s work runs: on the serving thread itself (no executor, the default), or on a bounded pool
 * of platform threads while the serving thread waits for the result ({@link ServerConfig#cpuExecutorThreads()}).
 *
 * <p>The second is the mitigation usually advised for virtual threads, which the JDK does not time-slice: a
 * virtual thread that computes for tens of milliseconds holds its carrier all that time, while one that waits
 * for another thread's result unmounts and leaves the carrier to the light requests. The OS time-slices the
 * executor's platform threads among themselves and everything else. It is a server option, not an arm: every arm
 * runs the same code, so the ablation shows what the option gives each thread model.
 */
public final class CpuExecutor implements AutoCloseable {

    /** The executor's threads are named this, then 0, 1, ... */
    public static final String THREAD_NAME_PREFIX = "cpu-executor-";

    private final int threads;
    /** Null when the work runs on the serving thread. */
    private final ExecutorService executor;
    private final LongAdder tasks = new LongAdder();

    private CpuExecutor(int threads) {
        this.threads = threads;
        this.executor = threads == 0 ? null
                : Executors.newFixedThreadPool(threads,
                        Thread.ofPlatform().daemon().name(THREAD_NAME_PREFIX, 0).factory());
    }

    /** An executor of {@code threads} platform threads; 0 runs the work on the caller. */
    public static CpuExecutor start(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("a cpu executor needs 0 (none) or more threads, was " + threads);
        }
        return new CpuExecutor(threads);
    }

    /** For loops outside a server (tests that serve alone): the work runs on the caller. */
    public static final CpuExecutor ON_CALLER = new CpuExecutor(0);

    /** {@link Endpoints#burn}'s result for {@code rounds}, computed where this executor says. */
    public long burn(long rounds) throws IOException {
        // No lambda on the default path: the serving thread's allocation per request stays what it was.
        return executor == null ? Endpoints.burn(rounds) : compute(() -> Endpoints.burn(rounds));
    }

    /**
     * Runs {@code work} and returns its result: here, or on an executor thread while this thread waits. An
     * interrupted wait, or an executor that has been closed, ends the request with an IOException (the server is
     * stopping).
     */
    public long compute(LongSupplier work) throws IOException {
        if (executor == null) {
            return work.getAsLong();
        }
        Future<Long> result;
        try {
            result = executor.submit(work::getAsLong);
        } catch (RejectedExecutionException e) {
            throw new IOException("the cpu executor has stopped", e);
        }
        try {
            long value = result.get();
            tasks.increment();
            return value;
        } catch (CancellationException e) {
            throw new IOException("the cpu executor has stopped", e);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the cpu executor");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The executor's thread count; 0 when the work runs on the serving thread. */
    public int threads() {
        return threads;
    }

    /** Work items the executor has completed since the start; always 0 without one. */
    public long tasksCompleted() {
        return tasks.sum();
    }

    /**
     * Stops the executor: work still queued is cancelled, so its waiting serving thread ends its request; work
     * already running finishes (the loop in /cpu does not look at interrupts).
     */
    @Override
    public void close() {
        if (executor != null) {
            for (Runnable queued : executor.shutdownNow()) {
                if (queued instanceof Future<?> waitedFor) {
                    waitedFor.cancel(false);
                }
            }
        }
    }
}
