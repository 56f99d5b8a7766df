package poolbench.references;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Replies;
import poolbench.server.endpoints.Replies.Reply;
import poolbench.server.http.ResponseWriter;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.Reference;
import poolbench.server.spi.RunningServer;
import poolbench.server.stats.StatsEndpoint;
import poolbench.server.stats.StatsSnapshot;

/**
 * Helidon SE 4 WebServer: a virtual thread per connection on blocking sockets, beside the {@code virtual} arm.
 *
 * <p>Configured with server-core's host, port, backlog, idle timeout and limits (request line → 414, headers →
 * 431, body → 413). {@code --concurrency N} is Helidon's {@code maxTcpConnections}: the listener stops accepting
 * at N connections, so the rest wait in the backlog — no 503. Helidon's default {@code Connection: keep-alive}
 * on every HTTP/1.1 response is turned off, so a keep-alive 200 carries exactly Server, Date, Content-Type and
 * Content-Length. Helidon 4 does not serve HTTP/1.0: it answers 505.
 */
public final class HelidonReference implements Reference {

    private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, "Helidon");
    private static final Header TEXT_PLAIN =
            HeaderValues.createCached(HeaderNames.CONTENT_TYPE, Replies.ContentType.TEXT_PLAIN.value());
    private static final Header APPLICATION_JSON =
            HeaderValues.createCached(HeaderNames.CONTENT_TYPE, Replies.ContentType.APPLICATION_JSON.value());
    private static final Header ALLOW = HeaderValues.createCached(HeaderNames.ALLOW, "GET, HEAD");
    /** How often Helidon looks for connections idle longer than the idle timeout (its default is 2 minutes). */
    private static final Duration IDLE_CHECK_PERIOD = Duration.ofSeconds(1);

    @Override
    public String name() {
        return "helidon";
    }

    @Override
    public String description() {
        return "Helidon SE 4 WebServer (a virtual thread per connection; --concurrency is "
                + "maxTcpConnections: waits in the backlog instead of 503)";
    }

    @Override
    public RunningServer start(ServerConfig config, ArmOptions options) throws IOException {
        LongAdder requests = new LongAdder();
        LiveCount connections = new LiveCount();
        Http1Config http1 = Http1Config.builder()
                .maxPrologueLength(config.maxRequestLineBytes())
                .maxHeadersSize(config.maxHeaderBytes())
                .sendKeepAliveHeader(false)
                .build();
        WebServerConfig.Builder builder = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .backlog(config.backlog())
                .maxPayloadSize(config.maxBodyBytes())
                .idleConnectionTimeout(config.idleTimeout())
                .idleConnectionPeriod(IDLE_CHECK_PERIOD)
                .protocolsDiscoverServices(false)
                .directHandlers(handlers -> {
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        handlers.addHandler(type, new HelidonRefusals());
                    }
                })
                .addConnectionSelector(new CountingConnectionSelector(
                        Http1ConnectionSelector.builder().config(http1).build(), connections))
                .routing(routing -> routing.any((req, res) -> answer(req, res, requests)));
        options.concurrency().ifPresent(builder::maxTcpConnections);
        WebServer server;
        try {
            server = builder.build().start();
        } catch (RuntimeException e) {
            // Helidon wraps the BindException; unwrapped, serve can name the port to change.
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw new IOException("Helidon did not start: " + e.getMessage(), e);
        }
        if (!server.isRunning()) {
            // Helidon logs a listener that failed to bind and returns a stopped server rather than throwing.
            throw new IOException("Helidon did not start on " + config.host() + ":" + config.port()
                    + "; its log above says why");
        }
        StatsEndpoint admin = null;
        if (config.adminPort() >= 0) {
            try {
                admin = new StatsEndpoint(config.adminHost(), config.adminPort(),
                        () -> StatsSnapshot.take(name(), "n/a", requests.sum(), connections.started(), 0,
                                connections.ended(), connections.live(), new DispatcherStats(connections.live(),
                                        0, connections.peak(), connections.started(), 0, 0)));
            } catch (IOException | RuntimeException e) {
                server.stop();
                throw e;
            }
        }
        return new StartedReference(server::port, admin, server::stop);
    }

    private static void answer(ServerRequest req, ServerResponse res, LongAdder requests) {
        requests.increment();
        Reply reply = ReferenceEndpoints.reply(req.prologue().method().text(), req.path().rawPath(),
                req.query().rawValue());
        res.status(Status.create(reply.status().code));
        res.header(SERVER);
        res.header(switch (reply.contentType()) {
            case TEXT_PLAIN -> TEXT_PLAIN;
            case APPLICATION_JSON -> APPLICATION_JSON;
        });
        if (reply.status() == ResponseWriter.Status.METHOD_NOT_ALLOWED) {
            res.header(ALLOW);
        }
        if (req.prologue().method() == Method.HEAD) {
            // Helidon 4 writes a HEAD's entity like a GET's; the head alone, with the GET's length, is the answer.
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
            res.send();
        } else {
            res.send(reply.body());
        }
    }
}
