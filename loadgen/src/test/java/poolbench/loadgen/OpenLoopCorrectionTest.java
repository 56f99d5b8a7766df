package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coordinated omission, the wrk2 way: while the server stalls, the requests the schedule meant to send
 * keep their intended times, so the corrected latency shows the stall in the tail; the service time
 * (actual send to response) hides it, because only the few requests in flight at the stall were slow.
 * Three connections: enough to catch up after the stall, few enough that the three requests caught in it
 * stay under 1% of the samples.
 */
class OpenLoopCorrectionTest {

    private static final long STALL_MILLIS = 1000;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void everyScheduledRequestIsSentOrCountedAsUnsent() throws Exception {
        try (CountingJdkServer server = CountingJdkServer.start()) {
            LoadConfig config = LoadConfig.defaults(server.url()).withConnections(4).withThreads(2)
                    .withRate(400.0).withDuration(Duration.ofSeconds(1));

            LoadResult result = LoadGenerator.run(config);

            long scheduled = result.sent() + result.schedule().unsent();
            assertTrue(Math.abs(scheduled - 400) <= config.threads(), "scheduled " + scheduled);
            assertEquals(server.requests(), result.requests());
            assertEquals(result.sent(), result.requests() + result.errors().lostRequests());
            assertEquals(result.requests(), result.serviceTime().count());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aServerStallShowsInTheCorrectedTailButNotInTheServiceTime() throws Exception {
        AtomicBoolean stalled = new AtomicBoolean();
        // A warm-up second lets the JIT settle in both server and client; the stall comes 0.7 s into measurement.
        long stallAfter = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1700);
        // The handler runs on the JDK server's only dispatcher thread: one sleep stalls the whole server.
        try (CountingJdkServer server = new CountingJdkServer(n -> {
            if (System.nanoTime() >= stallAfter && stalled.compareAndSet(false, true)) {
                Thread.sleep(STALL_MILLIS);
            }
        }, false)) {
            LoadConfig config = LoadConfig.defaults(server.url()).withConnections(3).withThreads(1)
                    .withRate(200.0).withWarmup(Duration.ofSeconds(1)).withDuration(Duration.ofSeconds(3));

            LoadResult result = LoadGenerator.run(config);

            assertTrue(stalled.get(), "the server never stalled");
            assertEquals("open-loop", result.mode());
            assertEquals(result.sent(), result.requests());
            double corrected = result.latency().percentileMs(99);
            double uncorrected = result.serviceTime().percentileMs(99);
            assertTrue(corrected > 0.7 * STALL_MILLIS && corrected < 2 * STALL_MILLIS,
                    "corrected p99 " + corrected + " ms");
            assertTrue(uncorrected < corrected / 4, "service-time p99 " + uncorrected + " ms vs corrected " + corrected);
            assertTrue(result.serviceTime().maxMs() > 0.7 * STALL_MILLIS, "the stalled request itself waited");
            assertNotNull(result.schedule());
            assertEquals(3, result.timeline().size());
        }
    }
}
