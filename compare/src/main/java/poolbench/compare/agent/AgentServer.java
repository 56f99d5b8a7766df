package poolbench.compare.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import poolbench.compare.agent.AgentProtocol.CountersRequest;
import poolbench.compare.agent.AgentProtocol.QuotaRequest;
import poolbench.compare.agent.AgentProtocol.Refusal;
import poolbench.compare.agent.AgentProtocol.StartRequest;
import poolbench.compare.machine.Pinning;

/**
 * {@code poolbench agent}: the control server on a server host, through which {@code compare --server-agent}
 * starts and stops the project's servers there and reads their side's CPU. It is the JDK's HTTP server: it is not
 * under test, and it serves a few requests a window.
 *
 * <p>It is not an open door. Every request must carry the {@link AgentToken}; one without it gets 401 before its
 * path or body is looked at, and is logged at most once a second ({@link RefusalLog}). It starts only arms and
 * references by name, with typed options ({@link ServeFlags}), never a command line; it reads only the servers it
 * started. Anything else gets a 4xx with one line saying why (see {@link AgentProtocol}).
 *
 * <p>The threading rule: one request per virtual thread, since a start waits for its server's ready line and a
 * comparison starts all its servers at once.
 */
public final class AgentServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 7070;
    /** A start request is a few hundred bytes; nothing the agent takes is larger than this. */
    static final int MOST_BODY_BYTES = 64 * 1024;
    private static final Pattern SERVER_PATH = Pattern.compile(AgentProtocol.SERVERS + "/([0-9]{1,10})(/[a-z-]+)?");
    private static final Pattern MILLIS = Pattern.compile("[0-9]{1,15}");
    private static final String ENDPOINTS = "GET /machine, POST /quota, POST /servers, GET /servers/PID, "
            + "POST /servers/PID/stop, GET /servers/PID/stack-chunks?from=MS&to=MS, POST /counters";

    private final HttpServer http;
    private final ExecutorService executor;
    private final AgentToken token;
    private final AgentServers servers;
    private final RefusalLog refusals;
    private final String url;

    private AgentServer(HttpServer http, AgentToken token, AgentServers servers, PrintStream log) {
        this.http = http;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.token = token;
        this.servers = servers;
        this.refusals = new RefusalLog(log, System::nanoTime);
        this.url = "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
    }

    /**
     * Binds {@code address} and starts answering; its servers bind the same host. {@code repo} is the project's
     * root (its commit and the Go arms' sources).
     */
    public static AgentServer start(InetSocketAddress address, AgentToken token, Path repo, PrintStream log)
            throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        AgentServers servers = new AgentServers(Pinning.serverHost(), repo, address.getHostString(), log);
        AgentServer agent = new AgentServer(http, token, servers, log);
        http.createContext("/", agent::handle);
        http.setExecutor(agent.executor);
        http.start();
        return agent;
    }

    /** {@code http://HOST:PORT}, the port the one bound (0 asks for a free one). */
    public String url() {
        return url;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            // The raw path: a decoded one could carry a line break of the sender's into the log.
            String path = java.util.Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "");
            String request = exchange.getRequestMethod() + " " + (path.length() > 100 ? path.substring(0, 100) + "..."
                    : path) + " from " + exchange.getRemoteAddress();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!token.matches(authorization)) {
                refusals.refused(request, authorization == null ? "no token" : "wrong token");
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"poolbench agent\"");
                reply(exchange, 401, new Refusal("missing or wrong token: send Authorization: Bearer TOKEN, the "
                        + "token the agent printed at start or read from its --token-file"));
                return;
            }
            try {
                reply(exchange, 200, route(exchange));
            } catch (RequestFailed f) {
                reply(exchange, f.status, new Refusal(f.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, new Refusal("the agent is stopping"));
            } catch (IOException | RuntimeException e) {
                reply(exchange, 500, new Refusal(AgentServers.oneLine(e)));
            }
        } catch (IOException clientGone) {
            // The client closed the connection before the answer: there is no one to tell.
        }
    }

    private Object route(HttpExchange exchange) throws RequestFailed, IOException, InterruptedException {
        String path = java.util.Objects.requireNonNullElse(exchange.getRequestURI().getPath(), "");
        String from = String.valueOf(exchange.getRemoteAddress());
        switch (path) {
            case AgentProtocol.MACHINE -> {
                expect(exchange, "GET");
                return servers.machine(url);
            }
            case AgentProtocol.QUOTA -> {
                expect(exchange, "POST");
                return servers.quota(body(exchange, QuotaRequest.class));
            }
            case AgentProtocol.SERVERS -> {
                expect(exchange, "POST");
                return servers.start(body(exchange, StartRequest.class), from);
            }
            case AgentProtocol.COUNTERS -> {
                expect(exchange, "POST");
                return servers.counters(body(exchange, CountersRequest.class));
            }
            default -> {
                return serverRoute(exchange, path);
            }
        }
    }

    /** {@code /servers/PID}, {@code /servers/PID/stop}, {@code /servers/PID/stack-chunks}. */
    private Object serverRoute(HttpExchange exchange, String path) throws RequestFailed, InterruptedException {
        Matcher m = SERVER_PATH.matcher(path);
        if (!m.matches()) {
            throw new RequestFailed(404, "no such endpoint: " + exchange.getRequestURI().getRawPath()
                    + "; the agent answers " + ENDPOINTS);
        }
        long pid = Long.parseLong(m.group(1));
        String action = m.group(2) == null ? "" : m.group(2);
        switch (action) {
            case "" -> {
                expect(exchange, "GET");
                return servers.status(pid);
            }
            case AgentProtocol.STOP -> {
                expect(exchange, "POST");
                return servers.stop(pid);
            }
            case AgentProtocol.STACK_CHUNKS -> {
                expect(exchange, "GET");
                String query = exchange.getRequestURI().getRawQuery();
                return servers.stackChunks(pid, millis(query, "from"), millis(query, "to"));
            }
            default -> throw new RequestFailed(404, "no such endpoint: " + exchange.getRequestURI().getRawPath()
                    + "; the agent answers " + ENDPOINTS);
        }
    }

    private static long millis(String query, String name) throws RequestFailed {
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name) && MILLIS.matcher(pair.substring(eq + 1)).matches()) {
                    return Long.parseLong(pair.substring(eq + 1));
                }
            }
        }
        throw new RequestFailed(400, "stack-chunks needs ?from=MS&to=MS (epoch milliseconds)");
    }

    private static void expect(HttpExchange exchange, String method) throws RequestFailed {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new RequestFailed(405, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + ": use " + method);
        }
    }

    private static <T> T body(HttpExchange exchange, Class<T> type) throws RequestFailed, IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MOST_BODY_BYTES + 1);
        }
        if (bytes.length > MOST_BODY_BYTES) {
            throw new RequestFailed(413, "the body is over " + MOST_BODY_BYTES + " bytes; no request needs that");
        }
        try {
            return AgentProtocol.STRICT.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            // A record's own check (a ServeFlags value out of range) says best what was wrong.
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String why = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new RequestFailed(400, "the body is not a " + type.getSimpleName() + ": "
                    + why.replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private static void reply(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] json = AgentProtocol.STRICT.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    /** Stops answering, then stops every server still running. */
    @Override
    public void close() throws InterruptedException {
        http.stop(1);
        executor.shutdownNow();
        servers.close();
    }
}
