package poolbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Backends;
import poolbench.server.spi.ArmOptions;
import poolbench.server.testing.TestHttp;

/**
 * A database that goes down and comes back, behind one server and one pool: while the pool holds no connection and
 * its last attempt failed, {@code /db} is answered 503 at once, not after the pool's timeout; once PostgreSQL is
 * back, {@code /db} is served again without a restart. The throwaway cluster is stopped and started during the
 * test; skipped, with the reason, where PostgreSQL cannot be started.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DatabaseOutageTest {

    private static final Optional<String> NO_DATABASE = PostgresCluster.unavailableReason();
    /** The pool's own wait: twenty times the bound, so a 503 within the bound can only come from failing fast. */
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(2);
    private static final long FAST_MILLIS = 100;
    /** HikariCP retries a failed connection with a back-off of a few seconds at most; this bounds a hang only. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

    @Test
    void aStoppedDatabaseIsAnswered503AtOnceAndServedAgainOnceItIsBack() throws Exception {
        Assumptions.assumeTrue(NO_DATABASE.isEmpty(), () -> "skipped: " + NO_DATABASE.orElse(""));
        try (PostgresCluster postgres = PostgresCluster.start(List.of());
             PooledWorldDatabase db = PooledWorldDatabase.open(new PooledWorldDatabase.Options(postgres.jdbcUrl(), 2,
                     POOL_TIMEOUT));
             HttpServer server = HttpServer.start(ServerConfig.ephemeral(), Arms.require("classic"),
                     ArmOptions.DEFAULTS, Backends.NONE.withDatabase(db));
             TestHttp c = TestHttp.connect(server.port())) {
            assertEquals(200, c.send(TestHttp.request("/db")).read().status());

            postgres.stop();
            // The first requests meet the pool's connections to the server that is gone, which ends them.
            long noticeBy = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!db.unreachable()) {
                assertTrue(System.nanoTime() < noticeBy, "the pool never took the stopped database for down");
                assertEquals(503, c.send(TestHttp.request("/db")).read().status());
            }
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                TestHttp.Response r = c.send(TestHttp.request("/db")).read();
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(503, r.status(), r.body());
                assertTrue(r.body().startsWith("database unavailable: no connection to the database: "), r.body());
                assertTrue(millis < FAST_MILLIS, "503 after " + millis + " ms; the pool's timeout is 2 s");
            }

            postgres.restart();
            long backBy = System.nanoTime() + RECOVERY_LIMIT.toNanos();
            int status;
            while ((status = c.send(TestHttp.request("/db")).read().status()) != 200) {
                assertEquals(503, status);
                assertTrue(System.nanoTime() < backBy, "/db still unavailable " + RECOVERY_LIMIT.toSeconds()
                        + " s after PostgreSQL came back");
                Thread.sleep(50);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(200, c.send(TestHttp.request("/db")).read().status());
            }
        }
    }
}
