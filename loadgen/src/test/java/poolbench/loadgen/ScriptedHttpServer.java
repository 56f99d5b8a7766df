package poolbench.loadgen;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small blocking HTTP/1.1 test server on 127.0.0.1 whose answers a test scripts byte for byte: it reads
 * request heads in order (pipelined or not), asks the script for each response, and counts the
 * connections it accepted and the requests it read. It honours {@code Connection: close} from the client.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** Produces the response to the {@code n}-th request (from 0) the server has read, over all connections. */
    interface Script {
        Response respond(long n) throws InterruptedException;
    }

    /** Bytes to write, and whether to close the connection after them. */
    record Response(byte[] bytes, boolean close) {
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ScriptedHttpServer(Script script) throws IOException {
        this.serverSocket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = Thread.ofPlatform().daemon().name("scripted-accept").start(this::acceptLoop);
    }

    static ScriptedHttpServer start(Script script) throws IOException {
        return new ScriptedHttpServer(script);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    long connectionsAccepted() {
        return connections.get();
    }

    long requestsRead() {
        return requests.get();
    }

    static byte[] withLength(int status, String body, boolean close) {
        return ascii("HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n" + body);
    }

    static byte[] chunked(int status, String... chunks) {
        StringBuilder s = new StringBuilder("HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (String chunk : chunks) {
            s.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return ascii(s.append("0\r\n\r\n").toString());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
        return status < 400 ? "OK" : "Error";
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread.ofPlatform().daemon().name("scripted-conn").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            String head;
            while ((head = readHead(in)) != null) {
                long n = requests.getAndIncrement();
                Response response = script.respond(n);
                out.write(response.bytes());
                boolean clientCloses = head.toLowerCase(Locale.ROOT).contains("\nconnection: close");
                if (response.close() || clientCloses) {
                    out.flush();
                    return;
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing: either ends this connection.
        } finally {
            open.remove(socket);
        }
    }

    /** Reads one request head (the test requests have no body); null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            int len = head.length();
            if (len >= 4 && head.charAt(len - 1) == '\n' && head.charAt(len - 2) == '\r'
                    && head.charAt(len - 3) == '\n' && head.charAt(len - 4) == '\r') {
                return head.toString();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket s : open) {
            s.close();
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
