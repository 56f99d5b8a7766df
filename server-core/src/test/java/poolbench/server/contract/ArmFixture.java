package poolbench.server.contract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;

/**
 * What the robustness contracts share: the arm under test ({@link ArmSubject}) and servers started on loopback that are closed after each test whatever happened in it.
 */
public abstract class ArmFixture extends ArmSubject {

    private final List<HttpServer> started = new ArrayList<>();

    /** For a test of one arm's own, which names it. */
    protected ArmFixture() {
    }

    protected ArmFixture(ArmSuite suite) {
        super(suite);
    }

    protected HttpServer start(ServerConfig config, ArmOptions options) throws IOException {
        HttpServer server = HttpServer.start(config.withPorts(0, -1), arm(), options);
        started.add(server);
        return server;
    }

    @AfterEach
    void closeServers() {
        started.forEach(HttpServer::close);
        started.clear();
    }
}
