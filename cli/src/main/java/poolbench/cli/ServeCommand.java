package poolbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import poolbench.db.PooledWorldDatabase;
import poolbench.server.accept.ServerConfig;
import poolbench.server.accept.Servers;
import poolbench.server.connection.BufferOwnership;
import poolbench.server.connection.TimeoutMode;
import poolbench.server.endpoints.Backends;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.RunningServer;
import poolbench.server.spi.WorkerOrder;

@Command(name = "serve", description = "Runs one arm's HTTP server until Ctrl-C or SIGTERM.",
        defaultValueProvider = ServeDefaults.class)
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--arm", required = true, description = "The arm or reference server to run (see: poolbench arms).")
    String arm;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", description = "Port of the arm (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--admin-port", description = "Port of the stats endpoint, -1 for none (default: port + 1).")
    Integer adminPort;

    @Option(names = "--admin-host", description = "Address the stats endpoint binds (default: ${DEFAULT-VALUE}, "
            + "whatever --host is, so that its figures stay on this machine; e.g. 0.0.0.0 opens it on purpose).")
    String adminHost;

    @Option(names = "--concurrency", description = "Cap on connections served at once (default: "
            + ArmOptions.DEFAULT_CONCURRENCY + " for pools, none for virtual; per-connection has no cap).")
    Integer concurrency;

    @Option(names = "--max-idle-worker-duration", converter = DurationConverter.class,
            description = "How long a pooled worker may idle before it is reaped (default: ${DEFAULT-VALUE}).")
    Duration maxIdleWorkerDuration;

    @Option(names = "--order",
            description = "Which idle worker a pool takes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WorkerOrder order;

    @Option(names = "--buffers",
            description = "Who owns the read/write buffers: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    BufferOwnership buffers;

    @Option(names = "--sleep-on-overflow", converter = DurationConverter.class,
            description = "Pause after a 503 at the cap; 100ms reproduces the article's fasthttp "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration sleepOnOverflow;

    @Option(names = "--read-timeout", converter = DurationConverter.class,
            description = "Longest a request may take to arrive (default: ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = "--idle-timeout", converter = DurationConverter.class,
            description = "Longest a keep-alive connection may idle (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--write-timeout", converter = DurationConverter.class,
            description = "Longest one write may block on a client that does not read (default: ${DEFAULT-VALUE}).")
    Duration writeTimeout;

    @Option(names = "--timeouts",
            description = "How read and idle timeouts are enforced: watchdog (untimed reads, one deadline sweeper) or "
                    + "socket (a socket timeout on each read: the ablation) (default: ${DEFAULT-VALUE}).")
    TimeoutMode timeouts;

    @Option(names = "--cpu-executor", paramLabel = "N",
            description = "Run /cpu's work on a pool of N platform threads while the serving thread waits, for every "
                    + "arm alike (the mitigation advised for CPU-heavy work on virtual threads); 0 computes on the "
                    + "serving thread (default: ${DEFAULT-VALUE}).")
    int cpuExecutor;

    @Option(names = "--log-all-errors", description = "Log benign connection errors too.")
    boolean logAllErrors;

    @Option(names = "--downstream", description = "host:port of the backend /downstream?ms=N calls as "
            + "GET /sleep?ms=N (e.g. another poolbench serve --arm virtual); without it /downstream answers 503.")
    String downstream;

    @Option(names = "--downstream-timeout", converter = DurationConverter.class,
            description = "How long the backend may take beyond the N ms asked for before the call is answered 504 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration downstreamTimeout;

    @Option(names = "--db-url", description = "JDBC URL of the PostgreSQL with TechEmpower's World table that /db "
            + "reads (jdbc:postgresql://host:port/db?user=...); without it /db answers 503.")
    String dbUrl;

    @Option(names = "--db-pool-size",
            description = "HikariCP pool size for /db (default: ${DEFAULT-VALUE}).")
    int dbPoolSize;

    @Option(names = "--db-timeout", converter = DurationConverter.class,
            description = "How long a /db request may wait for a pooled connection before it is answered 503 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration dbTimeout;

    @Override
    public Integer call() throws InterruptedException {
        RunningServer server;
        PooledWorldDatabase database = null;
        try {
            Backends backends = Backends.NONE;
            if (downstream != null) {
                backends = backends.withDownstream(Backends.parseAddress(downstream),
                        downstreamTimeout);
            }
            if (dbUrl != null) {
                database = PooledWorldDatabase.open(new PooledWorldDatabase.Options(dbUrl,
                        dbPoolSize,
                        dbTimeout));
                backends = backends.withDatabase(database);
            }
            server = Servers.start(arm, serverConfig(), armOptions(), backends);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (database != null) {
                database.close();
            }
            throw new Main.UsageException(e.getMessage());
        } catch (BindException e) {
            throw new Main.UsageException("cannot bind " + host + ":" + port + " or the admin port on " + adminHost
                    + " (" + e.getMessage() + "); choose free ones with --port and --admin-port");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PooledWorldDatabase db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (db != null) {
                db.close();
            }
            stopped.countDown();
        }, "serve-shutdown"));
        var out = spec.commandLine().getOut();
        out.printf("%s serving on http://%s:%d  (stats: %s; buffers: %s; timeouts: %s; cpu executor: %s)%n", arm, host,
                server.port(), server.adminPort() < 0 ? "off" : "http://" + adminHost + ":" + server.adminPort()
                        + "/stats", buffers.name().toLowerCase(Locale.ROOT), timeouts.name().toLowerCase(Locale.ROOT),
                cpuExecutor == 0 ? "off" : cpuExecutor + " threads");
        out.flush();
        stopped.await();
        return 0;
    }

    ServerConfig serverConfig() {
        int admin = adminPort != null ? adminPort : port == 0 ? 0 : port + 1;
        return ServerConfig.DEFAULTS.withHost(host).withAdminHost(adminHost).withPorts(port, admin)
                .withBuffers(buffers).withTimeouts(readTimeout, idleTimeout).withWriteTimeout(writeTimeout)
                .withSleepOnOverflow(sleepOnOverflow).withTimeoutMode(timeouts).withCpuExecutorThreads(cpuExecutor);
    }

    ArmOptions armOptions() {
        return new ArmOptions(concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency),
                maxIdleWorkerDuration, order, logAllErrors);
    }
}
