package poolbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import poolbench.loadgen.LoadConfig;

/** Two load groups at once, each with its own result: the light one's latency is recorded apart from the heavy. */
class MixedLoadTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theMeasuredAndTheHeavyGroupEachGetTheirOwnResult() throws Exception {
        AtomicLong light = new AtomicLong();
        AtomicLong heavy = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/light", e -> answer(e, light));
        server.createContext("/heavy", e -> answer(e, heavy));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Duration window = Duration.ofMillis(600);
            LoadConfig measured = new LoadConfig(base + "/light", 2, 1, window, Duration.ZERO, null, false, 1,
                    Duration.ofSeconds(2));
            LoadConfig heavyGroup = new LoadConfig(base + "/heavy", 1, 1,
                    window.plus(MixedLoad.HEAVY_MARGIN.multipliedBy(2)), Duration.ZERO, null, false, 1,
                    MixedLoad.HEAVY_TIMEOUT);
            MixedLoad.Results r = MixedLoad.run(measured, heavyGroup);
            assertTrue(r.measured().requests() > 0 && r.heavy().requests() > 0);
            assertTrue(r.measured().config().url().endsWith("/light"));
            assertTrue(r.heavy().config().url().endsWith("/heavy"));
            assertTrue(heavy.get() >= r.heavy().requests() && light.get() >= r.measured().requests());
            assertNull(MixedLoad.run(measured, null).heavy());
            assertEquals(1, r.heavy().config().connections());
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void answer(HttpExchange e, AtomicLong count) throws IOException {
        count.incrementAndGet();
        byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
        e.sendResponseHeaders(200, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }
}
