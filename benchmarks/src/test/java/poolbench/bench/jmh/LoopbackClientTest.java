package poolbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;

/** The loopback suite's client must read exactly one response per request, on a kept and on a closing connection. */
class LoopbackClientTest {

    @Test
    @Timeout(30)
    void readsOneWholeResponsePerRequestThenSeesTheServerClose() throws IOException {
        try (HttpServer server = HttpServer.start(ServerConfig.ephemeral().withPorts(0, -1), Arms.require("classic"),
                ArmOptions.DEFAULTS)) {
            LoopbackClient client = new LoopbackClient();
            try (Socket kept = new Socket("127.0.0.1", server.port())) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(200, client.exchange(kept, RequestShape.PLAINTEXT.bytes()));
                }
            }
            try (Socket closing = new Socket("127.0.0.1", server.port())) {
                assertEquals(200, client.exchange(closing, RequestShape.BROWSER.closingBytes()));
                client.awaitClose(closing);
            }
            assertEquals(4, server.serverStats().requests());
        }
    }
}
