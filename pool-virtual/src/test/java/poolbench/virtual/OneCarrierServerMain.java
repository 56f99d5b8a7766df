package poolbench.virtual;

import java.io.IOException;

import poolbench.server.accept.ServerConfig;
import poolbench.server.accept.Servers;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.RunningServer;

/**
 * The server {@link OneCarrierStarvationTest} starts in a child JVM, whose flags restrict the virtual-thread
 * scheduler to one carrier: the arm named by the first argument, the CPU executor's thread count the second, on an
 * ephemeral port without a stats endpoint. Prints {@code port <port>} and serves until its standard input closes.
 */
public final class OneCarrierServerMain {

    private OneCarrierServerMain() {
    }

    public static void main(String[] args) throws IOException {
        ServerConfig config = ServerConfig.ephemeral().withPorts(0, -1)
                .withCpuExecutorThreads(Integer.parseInt(args[1]));
        try (RunningServer server = Servers.start(args[0], config, ArmOptions.DEFAULTS)) {
            System.out.println("port " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the test closes our input (or dies, which closes it too).
            }
        }
    }
}
