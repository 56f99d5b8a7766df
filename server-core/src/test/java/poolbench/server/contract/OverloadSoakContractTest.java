package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.testing.Figures;
import poolbench.server.testing.LongRun;
import poolbench.server.testing.OverloadClients;
import poolbench.server.testing.Poll;
import poolbench.server.testing.ProcessGauges;
import poolbench.server.testing.ShortConnections;
import poolbench.server.testing.TestHttp;

/**
 * Far more clients than {@code --concurrency} for a while (2 s; 30 s with {@code -Dpoolbench.long=true}), then
 * none. A capped arm must keep its platform threads within the cap plus a fixed few, answer the overflow with
 * 503s that the server counts, keep its heap bounded, and reap the workers beyond the idle ones once the load
 * stops. An uncapped arm refuses nothing and grows a thread per open connection, which is measured and reported.
 *
 * <p>The soak runs once per class; each test asserts one of its outcomes. {@link ArmSuite} runs it on every
 * arm, saying whether it honours the cap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
public abstract class OverloadSoakContractTest extends ArmFixture {

    private static final int CAP = 8;
    private static final int CLIENTS = 48;
    private static final Duration SOAK = Duration.ofSeconds(LongRun.pick(2, 30));
    private static final Duration MAX_IDLE = Duration.ofMillis(200);
    /** Threads the JVM may start besides the workers while a soak runs: carriers, pollers, the sampler. */
    private static final int FEW = 6;
    private static final long HEAP_GROWTH_LIMIT = 32L << 20;

    private HttpServer soaked;
    private Soak soak;

    protected OverloadSoakContractTest(ArmSuite suite) {
        super(suite);
    }

    /** What one soak saw; thread counts are the server's (the client threads subtracted) above the baseline. */
    private record Soak(OverloadClients.Counts counts, long rejectedByServer, int peakExtraThreads,
                        long peakWorkers, long heapBefore, long heapAfter, long peakHeap, Duration reapedIn,
                        DispatcherStats afterwards) {
    }

    @BeforeAll
    @Timeout(120)
    void soak() throws Exception {
        soaked = HttpServer.start(ServerConfig.ephemeral().withPorts(0, -1), arm(),
                ArmOptions.DEFAULTS.withConcurrency(CAP).withMaxIdleWorkerDuration(MAX_IDLE));
        // Warm up, then wait for the warm-up's workers to go, so that the baseline holds none.
        ShortConnections.run(soaked.port(), 50, 2);
        Poll.until(Duration.ofSeconds(5), () -> soaked.dispatcherStats().workersAlive() == 0, () -> "warm-up reaped");
        int baseline = ProcessGauges.platformThreads();
        long heapBefore = ProcessGauges.heapUsedAfterGc();

        OverloadClients load = OverloadClients.start(soaked.port(), CLIENTS);
        Sampler sampler = Sampler.start(soaked, baseline + load.clients());
        Thread.sleep(SOAK);
        sampler.stop();
        OverloadClients.Counts counts = load.stop();

        Duration reaped = Poll.until(Duration.ofSeconds(5), () -> soaked.dispatcherStats().workersAlive() == 0,
                () -> "workers reaped after the load; alive " + soaked.dispatcherStats().workersAlive());
        soak = new Soak(counts, soaked.serverStats().connectionsRejected(), sampler.peakThreads - 1,
                Math.max(sampler.peakWorkers, soaked.dispatcherStats().workersPeak()), heapBefore,
                ProcessGauges.heapUsedAfterGc(), sampler.peakHeap, reaped, soaked.dispatcherStats());
        Figures.record(armName(), "overload (" + CLIENTS + " clients, cap " + CAP + ", " + SOAK.toSeconds()
                + " s): 200s / 503s seen / refused unanswered / 503s counted by the server", counts.ok() + " / "
                + counts.unavailable() + " / " + counts.refusedWithoutAnswer() + " / " + soak.rejectedByServer());
        Figures.record(armName(), "overload: peak server threads above baseline, peak workers",
                soak.peakExtraThreads() + ", " + soak.peakWorkers());
        Figures.record(armName(), "overload: heap after GC before -> after, peak (MB)",
                heapBefore / (1 << 20) + " -> " + soak.heapAfter() / (1 << 20) + ", " + soak.peakHeap() / (1 << 20));
        Figures.record(armName(), "overload: workers gone after the load in, reaped count",
                reaped.toMillis() + " ms, " + soak.afterwards().workersReaped());
    }

    @AfterAll
    void stopSoaked() {
        if (soaked != null) {
            soaked.close();
        }
    }

    @Test
    void everyConnectionIsServedOrRefusedWithNothingElseGoingWrong() {
        assertEquals(List.of(), soak.counts().otherFailures());
        assertTrue(soak.counts().ok() > 0, "no request was served");
    }

    @Test
    void connectionsBeyondTheCapAreAnswered503AndCountedByTheServer() {
        assumeTrue(capped(), "this arm has no cap");
        assertTrue(soak.counts().unavailable() > 0, "no 503 reached a client");
        assertTrue(soak.counts().unavailable() + soak.counts().refusedWithoutAnswer() <= soak.rejectedByServer(),
                () -> "clients saw " + soak.counts() + " but the server counted " + soak.rejectedByServer());
    }

    @Test
    void platformThreadsStayWithinTheCapPlusAFew() {
        assumeTrue(capped(), "this arm has no cap");
        assertTrue(soak.peakExtraThreads() <= CAP + FEW, "peak threads above baseline " + soak.peakExtraThreads());
    }

    /**
     * A thread-per-connection arm under a Semaphore frees its slot just before its thread ends, so a new worker
     * may start while the old one is still alive for a few microseconds more; the long soak saw the virtual arm
     * at cap + 1. Such overlaps are bounded by the threads running at once, about one per CPU.
     */
    @Test
    void workersAliveStayWithinTheCapPlusThoseStillEnding() {
        assumeTrue(capped(), "this arm has no cap");
        int ending = Runtime.getRuntime().availableProcessors();
        assertTrue(soak.peakWorkers() <= CAP + ending, "peak workers " + soak.peakWorkers());
    }

    @Test
    void heapStaysBoundedThroughTheOverload() {
        assertTrue(soak.heapAfter() < soak.heapBefore() + HEAP_GROWTH_LIMIT,
                () -> "heap after GC grew from " + soak.heapBefore() + " to " + soak.heapAfter());
    }

    @Test
    void workersBeyondTheIdleOnesAreReapedOnceTheLoadStops() {
        assertEquals(0, soak.afterwards().workersAlive());
        assertTrue(soak.reapedIn().compareTo(MAX_IDLE.multipliedBy(10)) <= 0, "reaped in " + soak.reapedIn());
    }

    @Test
    void anUncappedArmRefusesNothing() {
        assumeFalse(capped(), "this arm is capped");
        assertEquals(0, soak.rejectedByServer());
        assertEquals(0, soak.counts().unavailable() + soak.counts().refusedWithoutAnswer());
    }

    @Test
    void anUncappedArmGrowsAboutOnePlatformThreadPerOpenConnection() throws Exception {
        assumeFalse(capped(), "this arm is capped");
        int connections = 64;
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        int before = ProcessGauges.platformThreads();
        List<TestHttp> open = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                TestHttp c = TestHttp.connect(server.port());
                assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
                open.add(c);
            }
            int grown = ProcessGauges.platformThreads() - before;
            Figures.record(armName(), "growth: platform threads added for " + connections + " open connections",
                    grown + " (" + String.format(Locale.ROOT, "%.2f", grown / (double) connections)
                            + " per connection)");
            assertEquals(connections, server.dispatcherStats().workersAlive());
            assertTrue(grown >= connections - 2 && grown <= connections + FEW, "grew " + grown + " threads");
        } finally {
            for (TestHttp c : open) {
                c.close();
            }
        }
        Poll.until(Duration.ofSeconds(5), () -> ProcessGauges.platformThreads() <= before + 2,
                () -> "threads back to " + before + "; now " + ProcessGauges.platformThreads());
    }

    /** Samples the server's threads, workers and heap every 20 ms while the load runs. */
    private static final class Sampler {

        private final Thread thread;
        private volatile boolean stopped;
        private volatile int peakThreads;
        private volatile long peakWorkers;
        private volatile long peakHeap;

        private Sampler(HttpServer server, int notTheServers) {
            thread = Thread.ofPlatform().daemon().name("overload-sampler").unstarted(() -> {
                while (!stopped) {
                    peakThreads = Math.max(peakThreads, ProcessGauges.platformThreads() - notTheServers);
                    peakWorkers = Math.max(peakWorkers, server.dispatcherStats().workersAlive());
                    peakHeap = Math.max(peakHeap, ProcessGauges.heapUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** {@code notTheServers}: the baseline plus the client threads, taken off every count. */
        static Sampler start(HttpServer server, int notTheServers) {
            Sampler s = new Sampler(server, notTheServers);
            s.thread.start();
            return s;
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join();
        }
    }
}
