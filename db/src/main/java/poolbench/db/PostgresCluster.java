package poolbench.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL for the {@code /db} workload: {@code initdb} into a temporary directory, one
 * {@code postgres} on a free loopback port (no Unix socket, fsync off: nothing here must survive), the
 * {@code World} table created and filled with 10,000 rows, and everything removed at {@link #close}.
 *
 * <p>The binaries are Debian's ({@code apt-get install postgresql}: {@code /usr/lib/postgresql/N/bin}, the newest
 * N first) or whatever {@code initdb} and {@code postgres} are on PATH. PostgreSQL refuses to run as root; when
 * this JVM is root, every PostgreSQL process is started through {@code setpriv} as the unprivileged user
 * {@code nobody} (group {@code nogroup}), and the data directory is handed to that user first.
 *
 * <p>{@code cpuPrefix} (e.g. {@code taskset -c 1}) runs the server on the load's CPUs; its backends inherit it.
 *
 * <p>It listens on loopback, or on an address given for servers on another machine: then it takes its superuser,
 * without a password as on loopback, from that address itself and from the one client address named, and from
 * nowhere else ({@code pg_hba.conf}).
 *
 * <p>{@link #stop} and {@link #restart} take the server away and bring it back on the same port with the same data,
 * for tests of what a client of a database that goes down does.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    /** The unprivileged user PostgreSQL runs as when this process is root. */
    public static final String UNPRIVILEGED_USER = "nobody";
    private static final String UNPRIVILEGED_GROUP = "nogroup";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOG_FILE = "postgres.log";

    private final Path dir;
    /** The command that starts the server on {@link #port}; run again by {@link #restart}. */
    private final List<String> command;
    /** The running server; replaced by {@link #restart}, read by the shutdown hook: hence volatile. */
    private volatile Process server;
    private final String host;
    private final int port;
    private final Thread killOnExit;
    private boolean closed;

    private PostgresCluster(Path dir, List<String> command, Process server, String host, int port) {
        this.dir = dir;
        this.command = command;
        this.server = server;
        this.host = host;
        this.port = port;
        this.killOnExit = new Thread(() -> this.server.destroyForcibly(), "kill-postgres-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Where PostgreSQL's binaries are, or why there are none (one line). */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparingInt(PostgresCluster::majorVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException ignored) {
                // Fall through to PATH.
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            candidates.add(Path.of(d));
        }
        return candidates.stream()
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                .findFirst();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Why no database can be started here, or empty when one can. */
    public static Optional<String> unavailableReason() {
        if (binaries().isEmpty()) {
            return Optional.of("PostgreSQL not found under /usr/lib/postgresql/*/bin or on PATH"
                    + " (apt-get install postgresql; .ci/run does)");
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            return Optional.of("running as root and setpriv is missing to start PostgreSQL as "
                    + UNPRIVILEGED_USER + " (apt-get install util-linux)");
        }
        return Optional.empty();
    }

    /** Starts a cluster with a filled World table; fails in one line (an IOException) when it cannot. */
    public static PostgresCluster start(List<String> cpuPrefix) throws IOException, InterruptedException {
        return start(cpuPrefix, LOOPBACK, LOOPBACK);
    }

    /** The same, listening on {@code address} and taking connections from it and from {@code client}. */
    public static PostgresCluster start(List<String> cpuPrefix, String address, String client)
            throws IOException, InterruptedException {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            throw new IOException(reason.get());
        }
        Path bin = binaries().orElseThrow();
        Path dir = Files.createTempDirectory("poolbench-pg-");
        Path data = dir.resolve("data");
        Path log = dir.resolve(LOG_FILE);
        try {
            Files.createDirectory(data);
            if (isRoot()) {
                run(List.of("chown", "-R", UNPRIVILEGED_USER + ":" + UNPRIVILEGED_GROUP, dir.toString()), dir);
            }
            run(asPostgresUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")), dir);
            if (!address.equals(LOOPBACK)) {
                Files.writeString(data.resolve("pg_hba.conf"), hostLine(address) + hostLine(client),
                        java.nio.file.StandardOpenOption.APPEND);
            }
            IOException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort(address);
                List<String> cmd = new ArrayList<>(cpuPrefix);
                cmd.addAll(asPostgresUser(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                        "-p", Integer.toString(port), "-c", "listen_addresses=" + address,
                        "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=64MB")));
                PostgresCluster cluster = new PostgresCluster(dir, List.copyOf(cmd), launch(cmd, log), address, port);
                try {
                    cluster.awaitReady();
                    cluster.createWorld();
                    return cluster;
                } catch (IOException e) {
                    cluster.close(false);
                    last = e;
                }
            }
            throw last;
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static Process launch(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private Path log() {
        return dir.resolve(LOG_FILE);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgresUser(List<String> cmd) {
        if (!isRoot()) {
            return cmd;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER,
                "--regid=" + UNPRIVILEGED_GROUP, "--clear-groups", "--"));
        wrapped.addAll(cmd);
        return wrapped;
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("setup.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.get(cmd.size() > 5 && isRoot() ? 5 : 0) + " took longer than 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + lastLine(out));
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code pg_hba.conf}'s line that lets the superuser in from {@code address} alone. */
    private static String hostLine(String address) {
        return "host all postgres " + address + (address.contains(":") ? "/128" : "/32") + " trust\n";
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("postgres exited with " + server.exitValue() + ": " + lastLine(log()));
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl())) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("postgres did not accept connections within " + START_TIMEOUT.toSeconds() + " s: "
                + lastLine(log()));
    }

    /** TechEmpower's World: 10,000 rows of (id, randomNumber in 1..10,000). */
    private void createWorld() throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE World (id integer NOT NULL PRIMARY KEY, randomNumber integer NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO World (id, randomNumber) SELECT i, 1 + floor(random() * 10000)::integer"
                    + " FROM generate_series(1, " + PooledWorldDatabase.ROWS + ") AS i");
            s.execute("ANALYZE World");
        } catch (SQLException e) {
            throw new IOException("cannot create the World table: " + e.getMessage(), e);
        }
    }

    /** A JDBC URL for the cluster's {@code postgres} database as its superuser. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/postgres?user=postgres";
    }

    public int port() {
        return port;
    }

    /** The running postgres server process (its backends are its children), for the load side's CPU accounting. */
    public ProcessHandle process() {
        return server.toHandle();
    }

    /**
     * Takes PostgreSQL away as an operator's fast shutdown does (SIGINT: open sessions are ended), keeping its data;
     * clients then find nothing listening on its port until {@link #restart}.
     */
    public synchronized void stop() throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        shutDown();
    }

    /** Starts PostgreSQL again, on the same port with the same data, and waits until it accepts connections. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        if (server.isAlive()) {
            throw new IllegalStateException("postgres is running; stop it first");
        }
        server = launch(command, log());
        awaitReady();
    }

    /** Stops PostgreSQL with a fast shutdown (SIGINT: ends open sessions), then removes its directory; once. */
    @Override
    public void close() throws InterruptedException {
        close(true);
    }

    private synchronized void close(boolean deleteDir) throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it kills postgres, which is what close wants too.
        }
        shutDown();
        if (deleteDir) {
            deleteTree(dir);
        }
    }

    /** A fast shutdown of the running server, forced when it does not end within 10 s; nothing when it is gone. */
    private void shutDown() throws InterruptedException {
        Process p = server;
        if (!p.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            p.destroy();
        }
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless; /tmp is cleaned by the OS.
        }
    }
}
