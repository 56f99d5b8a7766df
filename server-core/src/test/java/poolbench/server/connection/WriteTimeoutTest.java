package poolbench.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.TestArmFixture;
import poolbench.server.testing.ProcessGauges;
import poolbench.server.testing.ResponseStream;
import poolbench.server.testing.TestHttp;

/**
 * The write timeout bounds one blocked write, nothing else: connections that are idle, or whose client reads slowly
 * but keeps reading, stay open; and the watchdog that enforces it lives and dies with its server.
 */
@Timeout(30)
class WriteTimeoutTest extends TestArmFixture {

    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);

    private HttpServer startWithWriteTimeout() throws IOException {
        return start(ServerConfig.ephemeral().withWriteTimeout(WRITE_TIMEOUT), ArmOptions.DEFAULTS);
    }

    @Test
    void anIdleKeepAliveConnectionOutlivesTheWriteTimeout() throws Exception {
        HttpServer server = startWithWriteTimeout();
        try (TestHttp c = TestHttp.connect(server.port())) {
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
            Thread.sleep(WRITE_TIMEOUT.multipliedBy(3));
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
        }
        assertEquals(0, server.serverStats().writesTimedOut());
    }

    @Test
    void aClientThatReadsSlowlyButKeepsReadingIsNotClosed() throws Exception {
        HttpServer server = startWithWriteTimeout();
        // Loopback send buffers grow to 4 MB: the responses must outgrow that before any write waits on the reader.
        int requests = 40_000;
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            slow.setSoTimeout(5_000);
            int responseBytes = oneResponseLength(slow);
            byte[] pipeline = TestHttp.request("/plaintext").repeat(requests).getBytes(StandardCharsets.US_ASCII);
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    slow.getOutputStream().write(pipeline);
                } catch (IOException e) {
                    // The assertions below say what went wrong.
                }
            });
            // About 6 MB/s in 64 KB gulps: once the buffers are full every server write waits on this reader,
            // a few milliseconds each, never near the 300 ms timeout.
            long expected = (long) requests * responseBytes;
            long read = 0;
            byte[] gulp = new byte[64 * 1024];
            while (read < expected) {
                int n = slow.getInputStream().readNBytes(gulp, 0, (int) Math.min(gulp.length, expected - read));
                if (n == 0) {
                    break;
                }
                read += n;
                Thread.sleep(10);
            }
            writer.join(5_000);
            assertEquals(expected, read, "bytes of responses read");
        }
        assertEquals(0, server.serverStats().writesTimedOut());
    }

    /** Every /plaintext response has the same length (the Date header has a fixed width): read one to learn it. */
    private static int oneResponseLength(Socket s) throws IOException {
        s.getOutputStream().write(TestHttp.request("/plaintext").getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (ResponseStream.parse(got.toByteArray()).responses().isEmpty()) {
            int b = s.getInputStream().read();
            if (b < 0) {
                throw new IOException("closed before the first response");
            }
            got.write(b);
        }
        return got.size();
    }

    @Test
    void closingTheServerEndsItsDeadlineSweeper() throws Exception {
        HttpServer server = startWithWriteTimeout();
        assertEquals(1, ProcessGauges.threadsNamed("deadline-sweeper-" + armName()));
        server.close();
        assertEquals(0, ProcessGauges.threadsNamed("deadline-sweeper-" + armName()));
    }
}
