package poolbench.loadgen;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK's own {@code com.sun.net.httpserver} (a server that is not poolbench) answering {@code Hello, World!}
 * and counting the requests it handled. Its handler runs on the server's single dispatcher thread unless an
 * executor is given, so a slow handler stalls the whole server, as a GC pause would.
 */
final class CountingJdkServer implements AutoCloseable {

    /** Called before each response with the request's number (from 0); may sleep to stall the server. */
    interface BeforeResponse {
        void accept(long n) throws InterruptedException;
    }

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final ExecutorService executor;

    CountingJdkServer(BeforeResponse beforeResponse, boolean multiThreaded) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", exchange -> {
            long n = requests.getAndIncrement();
            try {
                beforeResponse.accept(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BODY);
            }
        });
        executor = multiThreaded ? Executors.newCachedThreadPool() : null;
        server.setExecutor(executor);
        server.start();
    }

    static CountingJdkServer start() throws IOException {
        return new CountingJdkServer(n -> { }, false);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/plaintext";
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
