package poolbench.server.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.ThreadPerConnectionTestArm;
import poolbench.server.testing.ResponseReader;
import poolbench.server.testing.TestHttp;

/**
 * The stats endpoint binds loopback whatever address the arm's port binds, unless told where on purpose. A second
 * loopback address, 127.0.0.2, stands in for a public one, so the test never opens a port beyond this machine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdminHostTest {

    private static final String OTHER = "127.0.0.2";

    @BeforeAll
    static void aSecondLoopbackAddressIsThere() {
        boolean bindable = true;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(OTHER))) {
            probe.getLocalPort();
        } catch (IOException e) {
            bindable = false;
        }
        assumeTrue(bindable, "skipped: cannot bind " + OTHER + " here (Linux routes all of 127/8 to loopback)");
    }

    @Test
    void theStatsPortStaysOnLoopbackWhenTheArmBindsAnotherAddress() throws IOException {
        ServerConfig config = ServerConfig.ephemeral().withHost(OTHER);
        assertEquals(ServerConfig.DEFAULT_ADMIN_HOST, config.adminHost());
        try (HttpServer server = HttpServer.start(config, new ThreadPerConnectionTestArm(), ArmOptions.DEFAULTS)) {
            assertTrue(accepts(OTHER, server.port()), "the arm listens on " + OTHER);
            assertEquals(200, get("127.0.0.1", server.adminPort()).status());
            assertFalse(accepts(OTHER, server.adminPort()), "the stats port answered on " + OTHER);
        }
    }

    @Test
    void anAdminHostOpensTheStatsPortThereOnPurpose() throws IOException {
        ServerConfig config = ServerConfig.ephemeral().withHost(OTHER).withAdminHost(OTHER);
        try (HttpServer server = HttpServer.start(config, new ThreadPerConnectionTestArm(), ArmOptions.DEFAULTS)) {
            assertEquals(200, get(OTHER, server.adminPort()).status());
            assertFalse(accepts("127.0.0.1", server.adminPort()), "the stats port answered on 127.0.0.1 too");
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static TestHttp.Response get(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return ResponseReader.read(s.getInputStream());
        }
    }
}
