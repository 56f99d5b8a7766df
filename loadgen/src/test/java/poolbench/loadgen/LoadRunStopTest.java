package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What Ctrl-C relies on: stopping a run early returns promptly with what was measured so far. */
class LoadRunStopTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void stoppingEarlyReturnsThePartialResultMarkedInterrupted() throws Exception {
        try (CountingJdkServer server = CountingJdkServer.start()) {
            LoadRun run = LoadGenerator.start(LoadConfig.defaults(server.url()).withConnections(4).withThreads(1)
                    .withDuration(Duration.ofSeconds(60)));
            // Stopped once its first whole second is in the timeline, however long that took to come.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (run.secondsSampled() < 1) {
                assertTrue(System.nanoTime() < deadline, "no second sampled within 10 s");
                Thread.sleep(10);
            }
            long stoppedAt = System.nanoTime();
            run.stop();
            LoadResult result = run.await(Duration.ofSeconds(5)).orElseThrow();

            assertTrue(System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(3), "stop took too long");
            assertTrue(result.interrupted());
            assertTrue(result.requests() > 0);
            assertTrue(result.measuredSeconds() > 1 && result.measuredSeconds() < 60, "measured " + result.measuredSeconds());
            assertEquals(result.sent(), result.requests() + result.abandoned() + result.errors().lostRequests());
            assertEquals(result.requests(), result.timeline().stream().mapToLong(SecondSample::requests).sum());
            // One entry per second begun: the whole ones, and the one the stop cut short.
            assertEquals((long) Math.ceil(result.measuredSeconds()), result.timeline().size(),
                    "timeline " + result.timeline() + " of a run stopped after " + result.measuredSeconds() + " s");
        }
    }
}
