package poolbench.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /stats} on the admin port: the current {@link StatsSnapshot} as JSON. It runs on the JDK's own
 * HTTP server with one thread of its own, away from the arm under test.
 */
public final class StatsEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final com.sun.net.httpserver.HttpServer http;
    private final ExecutorService thread;

    /** Serves {@code stats} on {@code host:port} (0: any free port) until closed. */
    public StatsEndpoint(String host, int port, Supplier<StatsSnapshot> stats) throws IOException {
        http = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(host, port), 16);
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "admin-stats");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(thread);
        http.createContext("/stats", exchange -> answer(exchange, stats));
        http.start();
    }

    private static void answer(HttpExchange exchange, Supplier<StatsSnapshot> stats) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = JSON.writeValueAsBytes(stats.get());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        thread.shutdownNow();
    }
}
