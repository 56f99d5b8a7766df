package poolbench.server.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.ServerConfig;

@Timeout(30)
class CpuExecutorTest {

    /** Runs {@code body} on a new virtual thread, as the virtual arm serves, and returns what it returned. */
    private static <T> T onAVirtualThread(ThrowingSupplier<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                result.set(body.get());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private record Ran(Thread caller, Thread worker) {
    }

    /** One computation through {@code cpu}, asked by a virtual thread: which thread asked and which one computed. */
    private static Ran computeOnAVirtualThread(CpuExecutor cpu) throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        return onAVirtualThread(() -> {
            cpu.compute(() -> {
                worker.set(Thread.currentThread());
                return 0;
            });
            return new Ran(Thread.currentThread(), worker.get());
        });
    }

    @Test
    void withThreadsTheWorkRunsOnAPlatformThreadNamedForTheExecutorWhileTheCallerWaits() throws Exception {
        try (CpuExecutor cpu = CpuExecutor.start(2)) {
            Ran ran = computeOnAVirtualThread(cpu);
            assertTrue(ran.worker().getName().startsWith(CpuExecutor.THREAD_NAME_PREFIX), ran.worker().getName());
            assertFalse(ran.worker().isVirtual());
            assertTrue(ran.caller().isVirtual());
            assertEquals(1, cpu.tasksCompleted());
            assertEquals(2, cpu.threads());
        }
    }

    @Test
    void withoutThreadsTheWorkRunsOnTheServingThread() throws Exception {
        try (CpuExecutor cpu = CpuExecutor.start(0)) {
            Ran ran = computeOnAVirtualThread(cpu);
            assertSame(ran.caller(), ran.worker());
            assertEquals(0, cpu.tasksCompleted(), "nothing went through an executor");
        }
    }

    @Test
    void burnGivesTheSameResultWhereverItRuns() throws Exception {
        try (CpuExecutor off = CpuExecutor.start(0); CpuExecutor on = CpuExecutor.start(1)) {
            assertEquals(Endpoints.burn(12_345), off.burn(12_345));
            assertEquals(Endpoints.burn(12_345), on.burn(12_345));
        }
    }

    @Test
    void aNegativeThreadCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuExecutor.start(-1));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.DEFAULTS.withCpuExecutorThreads(-1));
    }

    @Test
    void theDefaultIsOff() {
        assertEquals(0, ServerConfig.DEFAULTS.cpuExecutorThreads());
    }

    @Test
    void closingEndsTheRequestsStillQueuedWithAnIOException() throws Exception {
        CpuExecutor cpu = CpuExecutor.start(1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> busy = CompletableFuture.supplyAsync(() -> {
            try {
                return cpu.compute(() -> {
                    running.countDown();
                    awaitQuietly(release);
                    return 1;
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CompletableFuture<Long> queued = CompletableFuture.supplyAsync(() -> {
            try {
                return cpu.compute(() -> 2);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // The second item is queued behind the first, whose thread is the executor's only one.
        Thread.sleep(100);
        cpu.close();
        ExecutionException ended = assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, ended.getCause().getCause());
        release.countDown();
        assertEquals(1L, busy.get(5, TimeUnit.SECONDS), "work already running finishes");
        assertThrows(IOException.class, () -> cpu.compute(() -> 3), "a closed executor takes no more work");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
