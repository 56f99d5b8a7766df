package poolbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Backends;
import poolbench.server.spi.Arm;
import poolbench.server.spi.ArmOptions;
import poolbench.server.testing.ProcessGauges;
import poolbench.server.testing.TestHttp;

/**
 * Every arm answers {@code /downstream} and {@code /db} end to end, against a backend in a process of its own and a
 * real PostgreSQL (one of each for the whole class, to keep it quick); failures are quick, clear and counted; and
 * nothing leaks. The tests that need the database are skipped, with the reason, where PostgreSQL cannot be
 * started (the leak check then runs on /downstream alone).
 */
class RealIoEndToEndTest {

    private static final Pattern WORLD = Pattern.compile("\\{\"id\":(\\d+),\"randomNumber\":(\\d+)}");

    private static PostgresCluster postgres;
    private static BackendProcess backend;
    private static PooledWorldDatabase database;

    /** Why the database tests are skipped here, or empty. */
    private static final Optional<String> NO_DATABASE = PostgresCluster.unavailableReason();

    @BeforeAll
    static void startBackendAndDatabase() throws Exception {
        backend = BackendProcess.start();
        if (NO_DATABASE.isEmpty()) {
            postgres = PostgresCluster.start(List.of());
            database = PooledWorldDatabase.open(new PooledWorldDatabase.Options(postgres.jdbcUrl(), 4,
                    Duration.ofMillis(500)));
        }
    }

    private static void assumeDatabase() {
        Assumptions.assumeTrue(NO_DATABASE.isEmpty(), () -> "skipped: " + NO_DATABASE.orElse(""));
    }

    @AfterAll
    static void stop() throws Exception {
        if (database != null) {
            database.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<String> arms() {
        return Arms.all().stream().map(Arm::name);
    }

    /** One exchange with the server under test. */
    private interface Exchange {
        TestHttp.Response run() throws Exception;
    }

    /** Runs one exchange, asserts its status and that it came in {@code [fromMillis, belowMillis)} ms; returns it. */
    private static TestHttp.Response answered(int status, long fromMillis, long belowMillis, Exchange exchange)
            throws Exception {
        long start = System.nanoTime();
        TestHttp.Response r = exchange.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(status, r.status(), r.body());
        assertTrue(millis >= fromMillis && millis < belowMillis, status + " after " + millis + " ms");
        return r;
    }

    private static HttpServer serve(String arm, Backends backends) throws IOException {
        return HttpServer.start(ServerConfig.ephemeral(), Arms.require(arm), ArmOptions.DEFAULTS, backends);
    }

    /** The backend, and the database where there is one. */
    private static Backends both() {
        Backends b = Backends.NONE.withDownstream(backend.address, Duration.ofSeconds(2));
        return database == null ? b : b.withDatabase(database);
    }

    @ParameterizedTest
    @MethodSource("arms")
    void everyArmAnswersDownstreamAndDbOverKeepAlive(String arm) throws Exception {
        assumeDatabase();
        try (HttpServer server = serve(arm, both()); TestHttp c = TestHttp.connect(server.port())) {
            for (int i = 0; i < 5; i++) {
                TestHttp.Response down = c.send(TestHttp.request("/downstream?ms=" + i)).read();
                assertEquals(200, down.status(), down.body());
                assertEquals("Hello, World!", down.body());
                TestHttp.Response db = c.send(TestHttp.request("/db")).read();
                assertEquals(200, db.status(), db.body());
                assertEquals("application/json", db.header("content-type"));
                var m = WORLD.matcher(db.body());
                assertTrue(m.matches(), db.body());
                int id = Integer.parseInt(m.group(1));
                assertTrue(id >= 1 && id <= PooledWorldDatabase.ROWS, db.body());
            }
            var stats = server.stats();
            assertEquals(0, stats.downstreamFailures() + stats.downstreamTimeouts() + stats.databaseUnavailable());
            assertEquals(4, stats.dbPoolSize());
            assertTrue(stats.dbAcquisitions() >= 5, "pool acquisitions counted: " + stats.dbAcquisitions());
        }
    }

    @Test
    void aBackendThatIsDownIsAnswered502QuicklyAndCounted() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Backends dead = Backends.NONE.withDownstream(new InetSocketAddress("127.0.0.1", closedPort),
                Duration.ofSeconds(2));
        try (HttpServer server = serve("virtual", dead)) {
            TestHttp.Response r = answered(502, 0, 1_000, () -> TestHttp.get(server.port(), "/downstream?ms=10"));
            assertTrue(r.body().contains("backend"), r.body());
            assertEquals(1, server.stats().downstreamFailures());
        }
    }

    @Test
    void aBackendThatNeverAnswersIsAnswered504AfterMsPlusTheTimeoutAndCounted() throws Exception {
        // A listener that never accepts: the kernel completes the connection, nothing ever answers.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Backends mute = Backends.NONE.withDownstream(new InetSocketAddress("127.0.0.1", silent.getLocalPort()),
                    Duration.ofMillis(200));
            try (HttpServer server = serve("classic", mute); TestHttp c = TestHttp.connect(server.port())) {
                answered(504, 240, 1_500, () -> c.send(TestHttp.request("/downstream?ms=50")).read());
                assertEquals(1, server.stats().downstreamTimeouts());
                assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status(),
                        "the client's connection lives on");
            }
        }
    }

    @Test
    void aDatabaseWithNoFreeConnectionIsAnswered503WithinThePoolTimeout() throws Exception {
        assumeDatabase();
        try (PooledWorldDatabase one = PooledWorldDatabase.open(new PooledWorldDatabase.Options(postgres.jdbcUrl(),
                1, Duration.ofMillis(300)));
             HttpServer server = serve("virtual", Backends.NONE.withDatabase(one))) {
            try (Connection held = one.pool().getConnection()) {
                TestHttp.Response r = answered(503, 0, 1_500, () -> TestHttp.get(server.port(), "/db"));
                assertTrue(r.body().startsWith("database unavailable: no connection from the pool of 1"), r.body());
            }
            assertEquals(200, TestHttp.get(server.port(), "/db").status(), "the held connection came back");
            var stats = server.stats();
            assertEquals(1, stats.databaseUnavailable());
            assertEquals(1, stats.dbTimeouts());
            assertTrue(stats.dbWaitNanos() >= 250_000_000L, "the timed-out wait is in the pool wait: "
                    + stats.dbWaitNanos());
        }
    }

    @ParameterizedTest
    @MethodSource("arms")
    void threadsAndDescriptorsReturnToBaselineAfter2000Requests(String arm) throws Exception {
        Assumptions.assumeTrue(ProcessGauges.canCountFileDescriptors(), "no /proc/self/fd");
        run(arm, 100);
        int fds = ProcessGauges.openFileDescriptors();
        int threads = ProcessGauges.platformThreads();
        run(arm, 2_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int fdsAfter;
        int threadsAfter;
        do {
            fdsAfter = ProcessGauges.openFileDescriptors();
            threadsAfter = ProcessGauges.platformThreads();
            if (Math.abs(fdsAfter - fds) <= 3 && Math.abs(threadsAfter - threads) <= 3) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(arm + ": fds " + fds + " -> " + fdsAfter + ", platform threads " + threads + " -> "
                + threadsAfter);
    }

    /** {@code requests} half /downstream, half /db, over connections of 20 requests each, 4 at a time. */
    private static void run(String arm, int requests) throws Exception {
        try (HttpServer server = serve(arm, both())) {
            List<Thread> clients = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            int perClient = requests / 4;
            for (int t = 0; t < 4; t++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int done = 0; done < perClient; ) {
                            try (TestHttp c = TestHttp.connect(server.port())) {
                                for (int i = 0; i < 20 && done < perClient; i++, done++) {
                                    String target = i % 2 == 0 || database == null ? "/downstream?ms=0" : "/db";
                                    int status = c.send(TestHttp.request(target)).read().status();
                                    if (status != 200) {
                                        throw new AssertionError(target + " answered " + status);
                                    }
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread c : clients) {
                c.join(Duration.ofSeconds(60));
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(arm + ": " + failures.get(0), failures.get(0));
            }
        }
    }
}
