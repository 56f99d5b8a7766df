package poolbench.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

/**
 * What the robustness contracts share: the arm under test, found by name as {@code poolbench serve} finds it, and
 * servers started on loopback that are closed after each test whatever happened in it.
 */
public abstract class ArmFixture {

    private final List<HttpServer> started = new ArrayList<>();

    /** The arm's name, as {@code --arm} takes it. */
    protected abstract String armName();

    protected Arm arm() {
        return Arms.require(armName());
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
