package poolbench.server.accept;

import java.io.IOException;
import java.time.Duration;

import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.ThreadPerConnectionTestArm;

/**
 * A server for {@link DescriptorExhaustionTest} to start in a child JVM under a low {@code ulimit -n}: server-core's
 * test arm on ephemeral ports. Prints {@code ports <port> <admin-port>} and serves until its standard input closes.
 */
public final class ExhaustionServerMain {

    private ExhaustionServerMain() {
    }

    public static void main(String[] args) throws IOException {
        ServerConfig config = ServerConfig.ephemeral().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60));
        try (HttpServer server = HttpServer.start(config, new ThreadPerConnectionTestArm(), ArmOptions.DEFAULTS)) {
            System.out.println("ports " + server.port() + " " + server.adminPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the test closes our input (or dies, which closes it too).
            }
        }
    }
}
