package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.testing.StatsChecks.assertConsistent;
import static poolbench.server.testing.StatsChecks.awaitIdle;
import static poolbench.server.testing.StatsChecks.awaitStats;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.WorkerOrder;

class WorkerPoolTest {

    private static final Duration MAX_IDLE = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();
    private final RecordingThreads threads = new RecordingThreads();
    private final List<WorkerPool<?>> pools = new ArrayList<>();

    private WorkerPool<Callable<?>> pool(int maxWorkers, WorkerOrder order, int handoffCapacity) {
        WorkerPoolConfig config = new WorkerPoolConfig(maxWorkers, MAX_IDLE, order, false, handoffCapacity);
        return started(new WorkerPool<>(config, threads, clock, () -> Callable::call));
    }

    private <T> WorkerPool<T> started(WorkerPool<T> pool) {
        pool.start();
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void stopPools() throws InterruptedException {
        for (WorkerPool<?> pool : pools) {
            try {
                pool.stop();
            } catch (IllegalStateException alreadyStopped) {
                // the test stopped it itself
            }
        }
        for (Thread thread : threads.created) {
            thread.join(Job.WAIT);
        }
    }

    /** Serves each job, which the pool must accept, and returns the worker each one runs on, in order. */
    private static List<Thread> serveEach(WorkerPool<Callable<?>> pool, List<Job> jobs) throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (Job job : jobs) {
            assertTrue(pool.serve(job));
            workers.add(job.thread());
        }
        return workers;
    }

    /** Serves jobs that hold their workers, then lets them go one at a time, in order, so they release in order. */
    private List<Thread> workersReleasedInOrder(WorkerPool<Callable<?>> pool, int count) throws Exception {
        List<Job> jobs = Stream.generate(Job::blocking).limit(count).toList();
        List<Thread> workers = serveEach(pool, jobs);
        for (int i = 0; i < count; i++) {
            jobs.get(i).finish();
            awaitIdle(pool::stats, i + 1);
        }
        assertEquals(count, Set.copyOf(workers).size(), "each blocking job had a worker of its own");
        return workers;
    }

    private static Thread serveHeld(WorkerPool<Callable<?>> pool, List<Job> held) throws Exception {
        Job job = Job.blocking();
        assertTrue(pool.serve(job));
        held.add(job);
        return job.thread();
    }

    /** LIFO hands the next item to the most recently released worker, FIFO to the longest idle one. */
    @ParameterizedTest(name = "{0}, handoff capacity {1}")
    @CsvSource({"LIFO, 0", "LIFO, 1", "FIFO, 0", "FIFO, 1"})
    @Timeout(30)
    void theWorkerOrderPicksWhichReleasedWorkerServesTheNextItem(WorkerOrder order, int handoffCapacity)
            throws Exception {
        WorkerPool<Callable<?>> pool = pool(3, order, handoffCapacity);
        List<Thread> released = workersReleasedInOrder(pool, 3);
        List<Thread> expected = order == WorkerOrder.LIFO ? released.reversed() : released;

        List<Job> held = new ArrayList<>();
        for (Thread worker : expected) {
            assertSame(worker, serveHeld(pool, held));
        }
        assertEquals(3, pool.stats().workersStarted());
        held.forEach(Job::finish);
    }

    @Test
    @Timeout(30)
    void serveRefusesAtTheCapAndCountsTheRejection() throws Exception {
        WorkerPool<Callable<?>> pool = pool(2, WorkerOrder.LIFO, 1);
        List<Job> held = new ArrayList<>();
        serveHeld(pool, held);
        serveHeld(pool, held);

        Job refused = Job.quick();
        assertFalse(pool.serve(refused));
        DispatcherStats atCap = assertConsistent(pool.stats());
        assertEquals(1, atCap.rejected());
        assertEquals(2, atCap.workersAlive());
        assertEquals(2, atCap.workersStarted());

        held.get(0).finish();
        awaitIdle(pool::stats, 1);
        assertTrue(pool.serve(refused), "a released worker takes the next item");
        refused.thread();
        assertEquals(2, pool.stats().workersStarted(), "no worker is started while one is idle");
        held.get(1).finish();
    }

    @Test
    @Timeout(30)
    void onlyWorkersIdleLongerThanMaxIdleDurationAreReaped() throws Exception {
        WorkerPool<Callable<?>> pool = pool(5, WorkerOrder.LIFO, 1);
        List<Job> jobs = Stream.generate(Job::blocking).limit(5).toList();
        List<Thread> workers = serveEach(pool, jobs);
        for (int i = 0; i < 5; i++) {
            clock.set(Duration.ofSeconds(i));
            jobs.get(i).finish();
            awaitIdle(pool::stats, i + 1);
        }

        // Released at 0..4 s; at 12.5 s those released before 2.5 s have been idle longer than 10 s.
        clock.set(Duration.ofMillis(12_500));
        pool.cleanNow();
        DispatcherStats afterClean = assertConsistent(pool.stats());
        assertEquals(3, afterClean.workersReaped());
        assertEquals(2, afterClean.workersIdle());
        for (Thread reaped : workers.subList(0, 3)) {
            assertTrue(reaped.join(Job.WAIT), reaped + " exits");
        }
        assertTrue(workers.get(3).isAlive() && workers.get(4).isAlive());
        assertEquals(2, awaitStats(pool::stats, s -> s.workersAlive() == 2).workersIdle());

        // The worker released at 3 s has been idle exactly 10 s at 13 s: not longer, so it stays.
        clock.set(Duration.ofSeconds(13));
        pool.cleanNow();
        assertEquals(3, pool.stats().workersReaped());
        clock.set(Duration.ofSeconds(13).plusNanos(1));
        pool.cleanNow();
        assertEquals(4, pool.stats().workersReaped());
        assertTrue(workers.get(3).join(Job.WAIT));

        Job next = Job.quick();
        assertTrue(pool.serve(next));
        assertSame(workers.get(4), next.thread(), "the youngest idle worker survives and serves");
    }

    static Stream<Arguments> idleAndStaleCounts() {
        return IntStream.rangeClosed(1, 6).boxed()
                .flatMap(idle -> IntStream.rangeClosed(0, idle).mapToObj(stale -> Arguments.of(idle, stale)));
    }

    @ParameterizedTest(name = "{1} stale of {0} idle")
    @MethodSource("idleAndStaleCounts")
    @Timeout(30)
    void cleanReapsExactlyTheStalePrefixOfTheReadyStack(int idle, int stale) throws Exception {
        WorkerPool<Callable<?>> pool = pool(idle, WorkerOrder.LIFO, 1);
        List<Job> jobs = Stream.generate(Job::blocking).limit(idle).toList();
        List<Thread> workers = serveEach(pool, jobs);
        for (int i = 0; i < idle; i++) {
            clock.set(Duration.ofSeconds(i));
            jobs.get(i).finish();
            awaitIdle(pool::stats, i + 1);
        }

        // Worker i was released at i s; half a second past the stale-th one's deadline.
        clock.set(MAX_IDLE.plusSeconds(stale).minusMillis(500));
        pool.cleanNow();

        DispatcherStats after = assertConsistent(pool.stats());
        assertEquals(stale, after.workersReaped());
        assertEquals(idle - stale, after.workersIdle());
        for (int i = 0; i < stale; i++) {
            assertTrue(workers.get(i).join(Job.WAIT), "worker " + i + " exits");
        }
        for (int i = stale; i < idle; i++) {
            assertTrue(workers.get(i).isAlive(), "worker " + i + " stays");
        }
    }

    @ParameterizedTest(name = "handoff capacity {0}")
    @ValueSource(ints = {0, 1})
    @Timeout(30)
    void stopEndsIdleWorkersNowAndBusyOnesAfterTheirItem(int handoffCapacity) throws Exception {
        WorkerPool<Callable<?>> pool = pool(2, WorkerOrder.LIFO, handoffCapacity);
        List<Job> held = new ArrayList<>();
        Thread busy = serveHeld(pool, held);
        Thread idle = serveHeld(pool, held);
        held.get(1).finish();
        awaitIdle(pool::stats, 1);

        pool.stop();

        assertTrue(idle.join(Job.WAIT), "the idle worker exits at once");
        assertTrue(busy.isAlive(), "the busy worker finishes its item first");
        assertEquals(0, awaitStats(pool::stats, s -> s.workersAlive() == 1).workersIdle());
        assertFalse(pool.serve(Job.quick()), "a stopped pool refuses");
        assertFalse(pool.awaitTermination(Duration.ZERO));
        assertEquals(0, pool.stats().rejected(), "refusing after stop is not a rejection at capacity");

        held.get(0).finish();
        assertTrue(pool.awaitTermination(Job.WAIT));
        assertTrue(busy.join(Job.WAIT));
        assertEquals(0, pool.stats().workersAlive());
    }

    @ParameterizedTest(name = "handoff capacity {0}")
    @ValueSource(ints = {0, 1})
    @Timeout(30)
    void oneWorkerServesSequentialItemsInTurn(int handoffCapacity) throws Exception {
        WorkerPool<Callable<?>> pool = pool(4, WorkerOrder.LIFO, handoffCapacity);
        Thread first = null;
        for (int i = 0; i < 50; i++) {
            Job job = Job.quick();
            assertTrue(pool.serve(job));
            Thread servedBy = job.thread();
            if (first == null) {
                first = servedBy;
            }
            assertSame(first, servedBy, "item " + i);
            awaitIdle(pool::stats, 1);
        }
        DispatcherStats stats = pool.stats();
        assertEquals(1, stats.workersStarted());
        assertEquals(1, stats.workersPeak());
    }

    @Test
    @Timeout(30)
    void noThreadOutlivesTheStoppedPool() throws Exception {
        Set<Thread> cleanersBefore = liveThreadsNamed("worker-pool-cleaner-");
        WorkerPool<Callable<?>> pool = pool(8, WorkerOrder.LIFO, 1);
        List<Job> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            serveHeld(pool, held);
        }
        held.subList(0, 4).forEach(Job::finish);
        awaitIdle(pool::stats, 4);
        assertEquals(8, liveThreadsNamed(threads.prefix).size());

        pool.stop();
        held.subList(4, 8).forEach(Job::finish);

        assertTrue(pool.awaitTermination(Job.WAIT));
        for (Thread thread : threads.created) {
            assertTrue(thread.join(Job.WAIT), thread + " ends");
        }
        assertEquals(Set.of(), liveThreadsNamed(threads.prefix));
        assertEquals(cleanersBefore, liveThreadsNamed("worker-pool-cleaner-"), "the cleaner ends too");
    }

    private static Set<Thread> liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    @Timeout(30)
    void anExceptionFromTheWorkerFunctionLeavesTheWorkerServing() throws Exception {
        WorkerPool<Callable<?>> pool = pool(1, WorkerOrder.LIFO, 1);
        List<Thread> servedBy = new CopyOnWriteArrayList<>();
        Callable<?> benign = () -> {
            servedBy.add(Thread.currentThread());
            throw new IOException("Broken pipe");
        };
        Callable<?> failing = () -> {
            servedBy.add(Thread.currentThread());
            throw new IllegalStateException("deliberately failing item (expected in this test's log)");
        };
        assertTrue(pool.serve(benign));
        awaitIdle(pool::stats, 1);
        assertTrue(pool.serve(failing));
        awaitIdle(pool::stats, 1);
        Job after = Job.quick();
        assertTrue(pool.serve(after));

        assertSame(servedBy.get(0), after.thread());
        assertSame(servedBy.get(0), servedBy.get(1));
        assertEquals(1, pool.stats().workersStarted());
    }

    @Test
    @Timeout(30)
    void anErrorFromTheWorkerFunctionEndsOnlyThatWorker() throws Exception {
        WorkerPool<Callable<?>> pool = pool(1, WorkerOrder.LIFO, 1);
        CountDownLatch thrown = new CountDownLatch(1);
        assertTrue(pool.serve(() -> {
            thrown.countDown();
            throw new DeliberateError();
        }));
        assertTrue(thrown.await(10, TimeUnit.SECONDS));
        awaitStats(pool::stats, s -> s.workersAlive() == 0);

        Job next = Job.quick();
        assertTrue(pool.serve(next), "the pool starts a fresh worker");
        assertNotSame(threads.created.get(0), next.thread());
        assertEquals(2, pool.stats().workersStarted());
    }

    private static final class DeliberateError extends Error {
    }

    /** A worker function that counts on which threads it was closed, and serves items as Callables. */
    private static final class ClosingFunction implements Worker<Callable<?>> {

        final List<Thread> closedOn;

        ClosingFunction(List<Thread> closedOn) {
            this.closedOn = closedOn;
        }

        @Override
        public void serve(Callable<?> item) throws Exception {
            item.call();
        }

        @Override
        public void close() {
            closedOn.add(Thread.currentThread());
        }
    }

    @Test
    @Timeout(30)
    void aWorkerClosesItsFunctionOnItsOwnThreadWhenReapedOrStopped() throws Exception {
        List<Thread> closedOn = new CopyOnWriteArrayList<>();
        WorkerPool<Callable<?>> pool = started(new WorkerPool<>(
                new WorkerPoolConfig(2, MAX_IDLE, WorkerOrder.LIFO, false, 1), threads, clock,
                () -> new ClosingFunction(closedOn)));
        List<Job> jobs = List.of(Job.blocking(), Job.blocking());
        List<Thread> workers = serveEach(pool, jobs);
        for (int i = 0; i < 2; i++) {
            clock.set(Duration.ofSeconds(i));
            jobs.get(i).finish();
            awaitIdle(pool::stats, i + 1);
        }
        assertEquals(List.of(), closedOn, "an idle worker keeps its function");

        // Released at 0 s and 1 s: at 10.5 s only the first has been idle longer than 10 s.
        clock.set(MAX_IDLE.plusMillis(500));
        pool.cleanNow();
        assertTrue(workers.get(0).join(Job.WAIT), "the older worker is reaped");
        assertEquals(List.of(workers.get(0)), closedOn);

        pool.stop();
        assertTrue(pool.awaitTermination(Job.WAIT));
        assertEquals(List.of(workers.get(0), workers.get(1)), closedOn, "the other closes it at the stop");
    }

    @Test
    @Timeout(30)
    void eachWorkerGetsItsFunctionOnceAndKeepsIt() throws Exception {
        AtomicInteger supplied = new AtomicInteger();
        List<String> misplaced = new CopyOnWriteArrayList<>();
        WorkerPool<Callable<?>> pool = started(new WorkerPool<>(
                new WorkerPoolConfig(3, MAX_IDLE, WorkerOrder.LIFO, false, 1), threads, clock, () -> {
                    supplied.incrementAndGet();
                    Thread owner = Thread.currentThread();
                    return item -> {
                        if (Thread.currentThread() != owner) {
                            misplaced.add(Thread.currentThread().getName());
                        }
                        item.call();
                    };
                }));

        workersReleasedInOrder(pool, 3);
        for (int i = 0; i < 10; i++) {
            Job job = Job.quick();
            assertTrue(pool.serve(job));
            job.thread();
            awaitIdle(pool::stats, 3);
        }

        assertEquals(3, supplied.get(), "one function per worker");
        assertEquals(List.of(), misplaced, "a worker's function runs only on that worker");
    }

    @ParameterizedTest(name = "handoff capacity {0}")
    @ValueSource(ints = {0, 1})
    @Timeout(60)
    void everyItemIsServedWhenTwoProducersShareThePool(int handoffCapacity) throws Exception {
        WorkerPool<Callable<?>> pool = pool(4, WorkerOrder.LIFO, handoffCapacity);
        int perProducer = 1_000;
        CountDownLatch done = new CountDownLatch(2 * perProducer);
        Callable<?> item = () -> {
            done.countDown();
            return null;
        };
        Runnable producer = () -> {
            for (int i = 0; i < perProducer; i++) {
                while (!pool.serve(item)) {
                    Thread.yield();
                }
            }
        };
        Thread a = Thread.ofPlatform().start(producer);
        Thread b = Thread.ofPlatform().start(producer);
        assertTrue(a.join(Duration.ofSeconds(50)) && b.join(Duration.ofSeconds(50)));
        assertTrue(done.await(10, TimeUnit.SECONDS), () -> done.getCount() + " items never served");
        DispatcherStats stats = assertConsistent(pool.stats());
        assertTrue(stats.workersStarted() <= 4, stats::toString);
    }

    @Test
    @Timeout(30)
    void lifecycleMisuseThrowsIllegalState() {
        WorkerPool<Callable<?>> pool = new WorkerPool<>(WorkerPoolConfig.defaults(), threads, () -> Callable::call);
        assertThrows(IllegalStateException.class, () -> pool.serve(Job.quick()), "serve before start");
        assertThrows(IllegalStateException.class, pool::stop, "stop before start");
        started(pool);
        assertThrows(IllegalStateException.class, pool::start, "start twice");
        pool.stop();
        assertThrows(IllegalStateException.class, pool::stop, "stop twice");
        assertThrows(IllegalStateException.class, pool::start, "start after stop");
    }

    @Test
    @Timeout(30)
    void configKeepsFasthttpDefaultsAndRefusesNonsense() {
        WorkerPoolConfig defaults = WorkerPoolConfig.defaults();
        assertEquals(256 * 1024, defaults.maxWorkersCount());
        assertEquals(Duration.ofSeconds(10), defaults.maxIdleWorkerDuration());
        assertEquals(WorkerOrder.LIFO, defaults.order());
        assertEquals(Runtime.getRuntime().availableProcessors() == 1 ? 0 : 1, defaults.handoffCapacity());
        assertThrows(IllegalArgumentException.class, () -> defaults.withHandoffCapacity(2));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxWorkersCount(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxIdleWorkerDuration(Duration.ZERO));
    }
}
