package poolbench.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import poolbench.server.connection.ConnectionErrors;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.WorkerOrder;

/**
 * fasthttp's {@code workerPool} (valyala/fasthttp, workerpool.go), generic over the item handed off.
 *
 * <p>Items are served by a pool of workers in LIFO order: the most recently released worker serves the next item,
 * which keeps its stack and the CPU caches it touched hot (in theory; {@link WorkerOrder#FIFO} tests that). Workers
 * start on demand up to {@code maxWorkersCount}; past that {@link #serve} refuses. A worker serves one item at a
 * time (for the server, a whole keep-alive connection) and then releases itself to the ready stack; a cleaner tells
 * workers idle longer than {@code maxIdleWorkerDuration} to exit.
 *
 * <p>Read it beside workerpool.go: {@link #start}, {@link #stop}, {@link #cleanNow} ({@code clean}), {@link #serve},
 * {@code getCh}, {@code release} and {@code workerFunc} do what their Go namesakes do, in the same order. What Java
 * adds: the thread kind comes from a {@link ThreadFactory} (platform or virtual workers), the clock is injectable,
 * each worker keeps its own {@link Worker} function and closes it when it exits, the pool counts what {@link DispatcherStats} reports under
 * the lock it already takes, and {@link #awaitTermination} lets a caller wait for the workers to be gone.
 *
 * <p>Thread-safe: any thread may call {@link #serve}, {@link #stats} and {@link #cleanNow}.
 *
 * @param <T> the item handed to a worker
 */
public final class WorkerPool<T> {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int maxWorkersCount;
    private final long maxIdleNanos;
    private final boolean lifo;
    private final boolean logAllErrors;
    private final int handoffCapacity;
    private final ThreadFactory threadFactory;
    private final LongSupplier nanoClock;
    private final Supplier<? extends Worker<T>> workerFunctions;

    // A ReentrantLock, not synchronized: on JDK 21 to 23 a virtual worker that blocks inside a synchronized block
    // pins its carrier; JDK 24 removed that pinning (JEP 491), and the project still runs on 21.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopRequested = lock.newCondition();
    private final Condition workersExited = lock.newCondition();

    // Guarded by lock.
    private Thread cleaner;
    private boolean mustStop;
    private int workersCount;
    private final ReadyWorkers ready = new ReadyWorkers();
    private long started;
    private long peak;
    private long reaped;
    private long rejected;

    /** A pool on the system clock. */
    public WorkerPool(WorkerPoolConfig config, ThreadFactory threadFactory,
                      Supplier<? extends Worker<T>> workerFunctions) {
        this(config, threadFactory, System::nanoTime, workerFunctions);
    }

    /**
     * @param threadFactory   makes the worker threads; decides whether they are platform or virtual
     * @param nanoClock       a monotonic nanosecond clock for idle times ({@link System#nanoTime} outside tests)
     * @param workerFunctions called on each worker thread when its first item arrives; the worker keeps the
     *                        function for every item it serves (if the call throws, it is logged with that item
     *                        and tried again on the next)
     */
    public WorkerPool(WorkerPoolConfig config, ThreadFactory threadFactory, LongSupplier nanoClock,
                      Supplier<? extends Worker<T>> workerFunctions) {
        this.maxWorkersCount = config.maxWorkersCount();
        this.maxIdleNanos = config.maxIdleWorkerDuration().toNanos();
        this.lifo = config.order() == WorkerOrder.LIFO;
        this.logAllErrors = config.logAllErrors();
        this.handoffCapacity = config.handoffCapacity();
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.workerFunctions = Objects.requireNonNull(workerFunctions, "workerFunctions");
    }

    /** Starts the cleaner. A pool starts once; a second start throws, as fasthttp panics. */
    public void start() {
        Thread thread;
        lock.lock();
        try {
            if (cleaner != null) {
                throw new IllegalStateException("worker pool already started");
            }
            thread = Thread.ofPlatform().daemon().name("worker-pool-cleaner-" + POOLS.incrementAndGet())
                    .unstarted(this::cleanEveryMaxIdleDuration);
            cleaner = thread;
        } finally {
            lock.unlock();
        }
        thread.start();
    }

    /**
     * The goroutine Start launches: clean, then sleep {@code maxIdleWorkerDuration}, until stopped. Go notices the
     * stop only after its sleep; here stop wakes the sleep, so no cleaner outlives its pool.
     */
    private void cleanEveryMaxIdleDuration() {
        while (true) {
            cleanNow();
            lock.lock();
            try {
                long nanos = maxIdleNanos;
                while (!mustStop && nanos > 0) {
                    nanos = stopRequested.awaitNanos(nanos);
                }
                if (mustStop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Tells every idle worker to exit now. Busy workers are not waited for: they exit when they release themselves
     * and see {@code mustStop}. From now on {@link #serve} returns false. Throws if the pool is not running.
     */
    public void stop() {
        WorkerChan[] idle;
        lock.lock();
        try {
            if (cleaner == null || mustStop) {
                throw new IllegalStateException("worker pool " + (cleaner == null ? "wasn't started" : "already stopped"));
            }
            mustStop = true;
            stopRequested.signalAll();
            workersExited.signalAll();
            idle = ready.removeAll();
        } finally {
            lock.unlock();
        }
        // Go sends under the lock; these channels are off the stack, so nobody else can reach them, and sending
        // outside keeps a rendezvous (capacity 0) from holding the lock while each worker wakes up.
        for (WorkerChan ch : idle) {
            ch.send(WorkerChan.STOP);
        }
    }

    /**
     * One pass of the cleaner, now: tells the workers idle for longer than {@code maxIdleWorkerDuration} to exit.
     * The cleaner thread calls it every {@code maxIdleWorkerDuration}; tests and operators may call it at any time.
     */
    public void cleanNow() {
        long criticalTime = nanoClock.getAsLong() - maxIdleNanos;
        WorkerChan[] stale;
        lock.lock();
        try {
            // The ready stack is sorted by lastUseTime, oldest first: binary-search the last worker released
            // before criticalTime; it and everything older go.
            int l = 0;
            int r = ready.size() - 1;
            while (l <= r) {
                int mid = (l + r) >>> 1;
                if (ready.get(mid).lastUseTime - criticalTime < 0) {
                    l = mid + 1;
                } else {
                    r = mid - 1;
                }
            }
            if (r < 0) {
                return;
            }
            stale = ready.removeOldest(r + 1);
            reaped += stale.length;
        } finally {
            lock.unlock();
        }
        // Outside the lock: with a rendezvous channel each send waits for its worker to wake up.
        for (WorkerChan ch : stale) {
            ch.send(WorkerChan.STOP);
        }
    }

    /**
     * Hands {@code item} to an idle worker, or to a new one if none is idle and the cap allows. Returns false when
     * at the cap (counted as rejected) or once stopped; the item is then still the caller's.
     */
    public boolean serve(T item) {
        Objects.requireNonNull(item, "item");
        WorkerChan ch = getCh();
        if (ch == null) {
            return false;
        }
        ch.send(item);
        return true;
    }

    /** An idle worker's channel (the newest, or the oldest for FIFO), a new worker's, or null to refuse. */
    private WorkerChan getCh() {
        WorkerChan ch = null;
        boolean createWorker = false;
        lock.lock();
        try {
            if (cleaner == null) {
                throw new IllegalStateException("worker pool wasn't started");
            }
            if (mustStop) {
                return null;
            }
            if (ready.isEmpty()) {
                if (workersCount < maxWorkersCount) {
                    createWorker = true;
                    workersCount++;
                    started++;
                    peak = Math.max(peak, workersCount);
                } else {
                    rejected++;
                }
            } else {
                ch = lifo ? ready.popNewest() : ready.popOldest();
            }
        } finally {
            lock.unlock();
        }
        if (createWorker) {
            ch = startWorker();
        }
        return ch;
    }

    /** Go's {@code go wp.workerFunc(ch)}, which cannot fail; a thread factory can refuse or run out of memory. */
    private WorkerChan startWorker() {
        WorkerChan ch = WorkerChan.withCapacity(handoffCapacity);
        try {
            Thread thread = threadFactory.newThread(() -> workerFunc(ch));
            if (thread == null) {
                workerNeverStarted(true);
                return null;
            }
            ch.owner = thread;
            thread.start();
            return ch;
        } catch (RuntimeException | Error e) {
            workerNeverStarted(false);
            throw e;
        }
    }

    private void workerNeverStarted(boolean refusedByFactory) {
        lock.lock();
        try {
            workersCount--;
            started--;
            if (refusedByFactory) {
                rejected++;
            }
            if (workersCount == 0) {
                workersExited.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Puts the worker back on the ready stack, newest; false when the pool is stopping and the worker must exit. */
    private boolean release(WorkerChan ch) {
        // Stamped outside the lock as in Go: two workers racing here may land on the stack out of order by a few
        // nanoseconds, which can only misjudge a worker whose idle time is within those nanoseconds of the limit.
        ch.lastUseTime = nanoClock.getAsLong();
        lock.lock();
        try {
            if (mustStop) {
                return false;
            }
            ready.pushNewest(ch);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The worker thread's loop: serve each item received until told to stop, releasing itself after each.
     *
     * <p>Exception policy: an {@link Exception} from the worker function (Go's error, or a panic that fasthttp
     * once recovered) is logged and the worker serves on, so one bad item never costs the pool a thread. An
     * {@link Error} (out of memory, stack overflow) is not caught: the worker leaves the pool's count and dies
     * with it, reported by the thread's uncaught-exception handler, and the next item starts a fresh worker —
     * a thread that just failed that way is not one to keep serving on.
     */
    @SuppressWarnings("unchecked")
    private void workerFunc(WorkerChan ch) {
        Worker<T> function = null;
        try {
            Object received;
            while ((received = ch.receive()) != WorkerChan.STOP) {
                T item = (T) received;
                try {
                    if (function == null) {
                        function = workerFunctions.get();
                    }
                    function.serve(item);
                } catch (Exception e) {
                    ConnectionErrors.log(item, e, logAllErrors);
                }
                // An interrupt aimed at one item must not reach the next one (a virtual thread's socket
                // would be closed by it), as ThreadPoolExecutor clears it between tasks.
                Thread.interrupted();
                if (!release(ch)) {
                    break;
                }
            }
        } finally {
            try {
                if (function != null) {
                    function.close();
                }
            } finally {
                workerExited();
            }
        }
    }

    private void workerExited() {
        lock.lock();
        try {
            workersCount--;
            if (workersCount == 0) {
                workersExited.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the pool has been stopped, every worker has exited and the cleaner has ended. For tests and for
     * a server's clean stop.
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread cleanerThread;
        lock.lock();
        try {
            while (!mustStop || workersCount > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                workersExited.awaitNanos(left);
            }
            cleanerThread = cleaner;
        } finally {
            lock.unlock();
        }
        return cleanerThread.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** The workers now: alive (busy or idle), idle, peak, started, reaped by the cleaner, and items refused. */
    public DispatcherStats stats() {
        lock.lock();
        try {
            return new DispatcherStats(workersCount, ready.size(), peak, started, reaped, rejected);
        } finally {
            lock.unlock();
        }
    }
}
