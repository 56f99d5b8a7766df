package poolbench.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A load run in progress: one platform thread per {@link ClientLoop}, and a coordinator thread that
 * samples the timeline each second, waits for the loops to end (by the drain deadline at the latest)
 * and assembles the {@link LoadResult}. Start one with {@link LoadGenerator#start}.
 */
public final class LoadRun {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final LoadConfig config;
    private final RunClock clock;
    private final List<ClientLoop> loops;
    private final List<Thread> loopThreads = new ArrayList<>();
    private final Thread coordinator;
    private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
    private volatile boolean stopRequested;
    private volatile long stoppedAt;
    /** Whole seconds of the measured phase sampled into the timeline so far; written by the coordinator only. */
    private volatile int secondsSampled;

    LoadRun(LoadConfig config) {
        this.config = config;
        HttpTarget target = config.target();
        InetSocketAddress address = target.resolve();
        byte[] request = target.requestBytes(config.close());
        this.clock = RunClock.startingAt(System.nanoTime(), config.warmup(), config.duration(), config.timeout());
        this.loops = new ArrayList<>(config.threads());
        try {
            for (int i = 0; i < config.threads(); i++) {
                loops.add(new ClientLoop(address, clock, schedule(i), request, connectionsOf(i), config.pipeline(),
                        config.close(), config.timeout().toNanos()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        for (int i = 0; i < loops.size(); i++) {
            Thread t = new Thread(loops.get(i), "loadgen-loop-" + i);
            t.setDaemon(true);
            loopThreads.add(t);
        }
        coordinator = new Thread(this::coordinate, "loadgen-timeline");
        coordinator.setDaemon(true);
    }

    void start() {
        loopThreads.forEach(Thread::start);
        coordinator.start();
    }

    public LoadConfig config() {
        return config;
    }

    /**
     * Ends the run now (Ctrl-C): the loops stop without waiting for answers in flight, and the result holds
     * what was measured so far, marked interrupted. Safe to call from any thread, more than once.
     */
    public void stop() {
        if (!stopRequested) {
            stoppedAt = System.nanoTime();
            stopRequested = true;
        }
        loops.forEach(ClientLoop::stop);
        LockSupport.unpark(coordinator);
    }

    /** Waits for the result; a run ends by warm-up + duration + timeout, or soon after {@link #stop()}. */
    public LoadResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("load run failed", e.getCause());
        }
    }

    /** Waits at most {@code timeout} for the result. */
    public Optional<LoadResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("load run failed", e.getCause());
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Whole seconds of the measured phase in the timeline so far: a test waits on this rather than on a clock. */
    int secondsSampled() {
        return secondsSampled;
    }

    private void coordinate() {
        try {
            TimelineSampler sampler = new TimelineSampler(loops);
            int second = 0;
            while (!stopRequested) {
                long end = clock.measureStart() + (second + 1) * SECOND_NANOS;
                if (end > clock.sendDeadline() || !sleepUntil(end)) {
                    break;
                }
                sampler.sample(second++);
                secondsSampled = second;
            }
            Instant measureStartWall = wallClockOf(clock.measureStart());
            for (Thread t : loopThreads) {
                t.join();
            }
            for (ClientLoop loop : loops) {
                if (loop.failure() != null) {
                    throw loop.failure();
                }
            }
            long sendingEnded = stopRequested ? Math.min(stoppedAt, clock.sendDeadline()) : clock.sendDeadline();
            long measuredNanos = Math.max(0, sendingEnded - clock.measureStart());
            int lastSecond = (int) Math.max(0, (measuredNanos - 1) / SECOND_NANOS);
            if (measuredNanos > 0) {
                sampler.sample(Math.max(lastSecond, second - 1));
            }
            result.complete(ResultAssembly.assemble(config, loops, sampler, measureStartWall, measuredNanos,
                    stopRequested));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /** False when the run was stopped while sleeping. */
    private boolean sleepUntil(long deadline) {
        long left;
        while (!stopRequested && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
        return !stopRequested;
    }

    private Instant wallClockOf(long nanoTime) {
        return Instant.now().minusNanos(System.nanoTime() - nanoTime);
    }

    private int connectionsOf(int loop) {
        int base = config.connections() / config.threads();
        return base + (loop < config.connections() % config.threads() ? 1 : 0);
    }

    /** Each loop takes an equal share of the rate, offset so that the loops' sends interleave evenly. */
    private OpenLoopSchedule schedule(int loop) {
        if (!config.openLoop()) {
            return null;
        }
        double rate = config.rate();
        long offset = (long) (loop * 1e9 / rate);
        return new OpenLoopSchedule(clock.start() + offset, rate / config.threads());
    }
}
