package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What "requests" means: the loops stop sending at the deadline and wait (at most the timeout) for the
 * answers in flight, so every request sent is answered and counted, and the server saw exactly as many.
 */
class ClosedLoopCountTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void reportedRequestsEqualTheRequestsTheServerHandled() throws Exception {
        try (CountingJdkServer server = CountingJdkServer.start()) {
            LoadConfig config = LoadConfig.defaults(server.url()).withConnections(8).withThreads(2)
                    .withDuration(Duration.ofSeconds(1));

            LoadResult result = LoadGenerator.run(config);

            assertTrue(result.requests() > 0, "no request completed");
            assertEquals(server.requests(), result.requests());
            assertEquals(result.sent(), result.requests());
            assertEquals(0, result.errors().lostRequests() + result.errors().connect());
            assertEquals(result.requests(), result.statusClasses().success());
            assertEquals(result.requests(), result.latency().count());
            assertEquals(8, result.connections().opened());
            assertTrue(result.clientCpuSeconds() > 0, "loop CPU time was not measured");
            assertNull(result.serviceTime());
            assertNull(result.schedule());
            assertEquals(1, result.timeline().size());
            assertEquals(result.requests(), result.timeline().get(0).requests());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void warmUpRequestsAreNotCounted() throws Exception {
        try (CountingJdkServer server = CountingJdkServer.start()) {
            LoadConfig config = LoadConfig.defaults(server.url()).withConnections(4).withThreads(1)
                    .withWarmup(Duration.ofMillis(500)).withDuration(Duration.ofMillis(1500));

            LoadResult result = LoadGenerator.run(config);

            assertTrue(result.requests() > 0);
            assertTrue(result.requests() < server.requests(), "warm-up requests were counted");
            assertEquals(result.sent(), result.requests());
            assertEquals(2, result.timeline().size());
            assertEquals(result.requests(), result.timeline().stream().mapToLong(SecondSample::requests).sum());
        }
    }
}
