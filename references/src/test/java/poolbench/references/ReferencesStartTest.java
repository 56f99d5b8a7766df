package poolbench.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import poolbench.server.accept.ServerConfig;
import poolbench.server.accept.Servers;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Reference;

/** The references are found by name, and a port that is taken is an error, not a server that never listens. */
class ReferencesStartTest {

    @Test
    void everyReferenceIsFoundByName() {
        assertEquals(List.of("helidon", "jetty-qtp", "jetty-virtual"),
                Servers.references().stream().map(Reference::name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty-qtp", "jetty-virtual", "helidon"})
    void aTakenPortIsAnError(String arm) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.ephemeral().withPorts(taken.getLocalPort(), -1);
            assertThrows(IOException.class, () -> Servers.start(arm, config, ArmOptions.DEFAULTS).close());
        }
    }
}
