package poolbench.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.ServerCoreSuiteTest;
import poolbench.server.spi.ThreadPerConnectionTestArm;
import poolbench.server.testing.TestHttp;

/**
 * What the connection loop does with time and buffers, on server-core's own test arm (whose arm contracts run in
 * {@link ServerCoreSuiteTest}).
 */
@Timeout(30)
class ConnectionLoopTest {

    private HttpServer startWith(ServerConfig config) throws IOException {
        return HttpServer.start(config, new ThreadPerConnectionTestArm(), ArmOptions.DEFAULTS);
    }

    @Test
    void aClientThatSendsNothingIsClosedByTheReadTimeout() throws IOException {
        try (HttpServer s = startWith(ServerConfig.ephemeral().withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(30)));
             TestHttp c = TestHttp.connect(s.port())) {
            long t0 = System.nanoTime();
            TestHttp.Response r = c.read();
            assertEquals(408, r.status());
            assertTrue(c.closedByPeer());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 4_000);
        }
    }

    @Test
    void aTricklingClientIsClosedWhenItsRequestTakesLongerThanTheReadTimeout() throws Exception {
        try (HttpServer s = startWith(ServerConfig.ephemeral().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(30)));
             TestHttp c = TestHttp.connect(s.port())) {
            byte[] request = TestHttp.request("/plaintext").getBytes();
            // Each byte arrives well within the timeout, the whole request does not.
            int sent = 0;
            long t0 = System.nanoTime();
            try {
                while (sent < request.length - 1 && (System.nanoTime() - t0) < 2_000_000_000L) {
                    c.send(new byte[] {request[sent++]});
                    Thread.sleep(50);
                }
            } catch (IOException closedWhileSending) {
                // The server may close before the trickle ends; the assertion below is what matters.
            }
            assertTrue(sent < request.length - 1, "the whole trickle went through");
            assertEquals(408, c.read().status());
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedByTheIdleTimeout() throws IOException {
        try (HttpServer s = startWith(ServerConfig.ephemeral().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200)));
             TestHttp c = TestHttp.connect(s.port())) {
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void connectionOwnedBuffersServeTheSameBytes() throws IOException {
        try (HttpServer s = startWith(ServerConfig.ephemeral().withBuffers(BufferOwnership.CONNECTION));
             TestHttp c = TestHttp.connect(s.port())) {
            assertEquals("Hello, World!", c.send(TestHttp.request("/plaintext")).read().body());
            assertEquals("connection", s.stats().buffers());
        }
    }

    @Test
    void aRequestWithABodyLargerThanTheReadBufferIsSkippedWhole() throws IOException {
        try (HttpServer s = startWith(ServerConfig.ephemeral()); TestHttp c = TestHttp.connect(s.port())) {
            String body = "x".repeat(100_000);
            TestHttp.Response r = c.send("GET /plaintext HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body + TestHttp.request("/json")).read();
            assertEquals("Hello, World!", r.body());
            assertEquals("{\"message\":\"Hello, World!\"}", c.read().body());
        }
    }

    @Test
    void closingTheServerClosesOpenConnections() throws IOException {
        HttpServer s = startWith(ServerConfig.ephemeral());
        try (TestHttp c = TestHttp.connect(s.port())) {
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
            s.close();
            assertTrue(c.closedByPeer());
        }
    }
}
