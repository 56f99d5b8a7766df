package poolbench.server.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.testing.Figures;
import poolbench.server.testing.TestHttp;

/** The admin port's own small server: GET and HEAD, and clients that stall cannot keep the sampler out. */
class StatsEndpointTest {

    private static StatsSnapshot snapshot() {
        return StatsSnapshot.take("test", "n/a", 7, 1, 0, 1, 0, new DispatcherStats(0, 0, 0, 0, 0, 0));
    }

    @Test
    void getAndHeadAnswerTheSnapshotAndOtherMethodsAndPathsAreRefused() throws Exception {
        try (StatsEndpoint admin = new StatsEndpoint("127.0.0.1", 0, StatsEndpointTest::snapshot)) {
            TestHttp.Response get = TestHttp.get(admin.port(), "/stats");
            assertEquals(200, get.status());
            assertEquals("application/json", get.header("Content-Type"));
            assertTrue(get.body().contains("\"requests\":7"), get.body());
            try (TestHttp c = TestHttp.connect(admin.port())) {
                c.send("HEAD /stats HTTP/1.1\r\nHost: x\r\n\r\n");
                TestHttp.Response head = c.readHead();
                assertEquals(200, head.status());
                assertTrue(Integer.parseInt(head.header("Content-Length")) > 0);
                assertTrue(c.closedByPeer(), "a body followed the HEAD response");
            }
            assertEquals(404, TestHttp.get(admin.port(), "/other").status());
            try (TestHttp c = TestHttp.connect(admin.port())) {
                c.send("POST /stats HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
                assertEquals(405, c.read().status());
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void clientsThatSendHalfARequestHoldNoHandlerLongerThanTheRequestTimeout() throws Exception {
        try (StatsEndpoint admin = new StatsEndpoint("127.0.0.1", 0, StatsEndpointTest::snapshot)) {
            List<TestHttp> stalled = new ArrayList<>();
            try {
                stalled.add(TestHttp.connect(admin.port()).send("GET /sta"));
                long t0 = System.nanoTime();
                assertEquals(200, TestHttp.get(admin.port(), "/stats").status());
                Duration besideOne = Duration.ofNanos(System.nanoTime() - t0);
                assertTrue(besideOne.compareTo(Duration.ofSeconds(1)) < 0, "beside one stalled client: " + besideOne);
                // As many stalled clients as handlers: the sampler waits for the first to time out, no longer.
                for (int i = 1; i < StatsEndpoint.HANDLERS; i++) {
                    stalled.add(TestHttp.connect(admin.port()).send("GET /sta"));
                }
                Thread.sleep(100);
                long t1 = System.nanoTime();
                assertEquals(200, TestHttp.get(admin.port(), "/stats").status());
                Duration behindAll = Duration.ofNanos(System.nanoTime() - t1);
                assertTrue(behindAll.compareTo(StatsEndpoint.REQUEST_TIMEOUT.plusSeconds(1)) < 0,
                        "behind " + stalled.size() + " stalled clients: " + behindAll);
                assertTrue(stalled.get(0).closedByPeer(), "a stalled client was not closed");
                Figures.record("stats endpoint", "/stats beside one stalled client", Figures.ms(besideOne));
                Figures.record("stats endpoint", "/stats behind " + stalled.size() + " stalled clients (request timeout "
                        + StatsEndpoint.REQUEST_TIMEOUT.toSeconds() + " s)", Figures.ms(behindAll));
            } finally {
                for (TestHttp c : stalled) {
                    c.close();
                }
            }
        }
    }
}
