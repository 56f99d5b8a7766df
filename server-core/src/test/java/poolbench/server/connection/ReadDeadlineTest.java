package poolbench.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.TestArmFixture;
import poolbench.server.testing.TestHttp;

/**
 * The read and idle timeouts mean the same under both {@link TimeoutMode}s: a request that does not arrive in time
 * is answered 408, an idle keep-alive connection is closed without a word, and time the server spends answering is
 * never counted against the client. The watchdog mode does it without a timed read.
 */
@Timeout(30)
class ReadDeadlineTest extends TestArmFixture {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(10);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private HttpServer start(TimeoutMode mode, Duration read, Duration idle) throws IOException {
        return start(ServerConfig.ephemeral().withTimeouts(read, idle).withTimeoutMode(mode), ArmOptions.DEFAULTS);
    }

    /** A keep-alive connection that one plaintext request has already used. */
    private static TestHttp connectAndServeOne(HttpServer server) throws IOException {
        TestHttp c = TestHttp.connect(server.port());
        try {
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
            return c;
        } catch (IOException | AssertionError e) {
            c.close();
            throw e;
        }
    }

    @Test
    void theDefaultEnforcesReadTimeoutsWithoutTimedReads() {
        assertEquals(TimeoutMode.WATCHDOG, ServerConfig.DEFAULTS.timeouts());
    }

    @ParameterizedTest
    @EnumSource(TimeoutMode.class)
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeoutWithoutAResponse(TimeoutMode mode) throws Exception {
        HttpServer server = start(mode, LONG, SHORT);
        try (TestHttp c = connectAndServeOne(server)) {
            long t0 = System.nanoTime();
            assertTrue(c.closedByPeer(), "the idle connection was not closed");
            Duration after = Duration.ofNanos(System.nanoTime() - t0);
            assertTrue(after.compareTo(SHORT.minusMillis(50)) >= 0, "closed too early: " + after.toMillis() + " ms");
            assertTrue(after.compareTo(SHORT.plus(SLACK)) <= 0, "closed too late: " + after.toMillis() + " ms");
        }
        assertEquals(0, server.serverStats().requestsTimedOut());
    }

    @ParameterizedTest
    @EnumSource(TimeoutMode.class)
    void aRequestStartedAfterAnIdleWaitThatNeverCompletesIsAnswered408(TimeoutMode mode) throws Exception {
        HttpServer server = start(mode, SHORT, LONG);
        try (TestHttp c = connectAndServeOne(server)) {
            Thread.sleep(SHORT.multipliedBy(2));
            long t0 = System.nanoTime();
            TestHttp.Response r = c.send("GET /plaintext HTTP/1.1\r\nHost: te").read();
            Duration after = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(408, r.status());
            assertTrue(after.compareTo(SHORT.minusMillis(50)) >= 0, "408 too early: " + after.toMillis() + " ms");
            assertTrue(c.closedByPeer());
        }
        assertEquals(1, server.serverStats().requestsTimedOut());
    }

    @ParameterizedTest
    @EnumSource(TimeoutMode.class)
    void timeSpentAnsweringIsNotCountedAgainstTheReadTimeout(TimeoutMode mode) throws Exception {
        HttpServer server = start(mode, SHORT, LONG);
        try (TestHttp c = TestHttp.connect(server.port())) {
            assertEquals(200, c.send(TestHttp.request("/sleep?ms=" + SHORT.multipliedBy(3).toMillis())).read()
                    .status());
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
        }
        assertEquals(0, server.serverStats().requestsTimedOut());
    }
}
