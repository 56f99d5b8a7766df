package poolbench.compare.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import poolbench.compare.plan.ServeOptions;
import poolbench.server.connection.BufferOwnership;
import poolbench.server.connection.TimeoutMode;

/**
 * The {@code serve} options a start request may carry to an agent, typed: an agent takes these and builds the
 * command line itself, so a request can set a cap or point a server at the load host's backend, and cannot bind
 * it elsewhere, open its stats, or hand it a JDBC URL of its own making. Each value is checked when the record is
 * made, on either side (Jackson makes it through the canonical constructor).
 *
 * @param concurrency          {@code --concurrency}
 * @param maxIdleWorkerMillis  {@code --max-idle-worker-duration}, in milliseconds
 * @param timeouts             {@code --timeouts}
 * @param buffers              {@code --buffers}
 * @param cpuExecutor          {@code --cpu-executor}
 * @param downstream           {@code --downstream host:port}: the load host's backend
 * @param dbUrl                {@code --db-url}, only of the shape compare's own PostgreSQL has
 * @param dbPoolSize           {@code --db-pool-size}
 */
public record ServeFlags(Integer concurrency, Long maxIdleWorkerMillis, TimeoutMode timeouts, BufferOwnership buffers,
                         Integer cpuExecutor, String downstream, String dbUrl, Integer dbPoolSize) {

    private static final String HOST = "[A-Za-z0-9][A-Za-z0-9.-]{0,252}:[0-9]{1,5}";
    private static final Pattern HOST_PORT = Pattern.compile(HOST);
    /** The JDBC URL of compare's throwaway PostgreSQL, and nothing else (no driver parameters of a sender's). */
    private static final Pattern DB_URL = Pattern.compile("jdbc:postgresql://" + HOST + "/postgres\\?user=postgres");
    private static final String DOWNSTREAM = "--downstream";
    private static final String DB_URL_FLAG = "--db-url";
    private static final String DB_POOL_SIZE = "--db-pool-size";

    public static final ServeFlags NONE = new ServeFlags(null, null, null, null, null, null, null, null);

    public ServeFlags {
        within("concurrency", concurrency, 1, 1_000_000);
        within("maxIdleWorkerMillis", maxIdleWorkerMillis, 1, Duration.ofDays(1).toMillis());
        within("cpuExecutor", cpuExecutor, 0, 4_096);
        within("dbPoolSize", dbPoolSize, 1, 10_000);
        if (downstream != null && !HOST_PORT.matcher(downstream).matches()) {
            throw new IllegalArgumentException("downstream must be host:port, was '" + downstream + "'");
        }
        if (dbUrl != null && !DB_URL.matcher(dbUrl).matches()) {
            throw new IllegalArgumentException("dbUrl must be jdbc:postgresql://host:port/postgres?user=postgres "
                    + "(compare's own PostgreSQL), was '" + dbUrl + "'");
        }
    }

    private static void within(String name, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /**
     * compare's serve options as flags: what {@link ServeOptions#args()} and the load side's services write.
     *
     * @throws IllegalArgumentException naming the flag, for one an agent does not pass (a new serve option compare
     *                                  gives servers must be added here to reach a server host)
     */
    public static ServeFlags parse(List<String> args) {
        Integer concurrency = null;
        Long maxIdle = null;
        TimeoutMode timeouts = null;
        BufferOwnership buffers = null;
        Integer cpuExecutor = null;
        String downstream = null;
        String dbUrl = null;
        Integer dbPoolSize = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("serve option " + flag + " has no value");
            }
            if (!seen.add(flag)) {
                throw new IllegalArgumentException("serve option " + flag + " is given twice");
            }
            String value = args.get(i + 1);
            switch (flag) {
                case "--concurrency" -> concurrency = Integer.valueOf(value);
                case "--max-idle-worker-duration" -> maxIdle = millis(value);
                case "--timeouts" -> timeouts = TimeoutMode.valueOf(value.toUpperCase(Locale.ROOT));
                case "--buffers" -> buffers = BufferOwnership.valueOf(value.toUpperCase(Locale.ROOT));
                case "--cpu-executor" -> cpuExecutor = Integer.valueOf(value);
                case DOWNSTREAM -> downstream = value;
                case DB_URL_FLAG -> dbUrl = value;
                case DB_POOL_SIZE -> dbPoolSize = Integer.valueOf(value);
                default -> throw new IllegalArgumentException("serve option " + flag + " is not one an agent passes "
                        + "to a server (poolbench.compare.agent.ServeFlags lists them)");
            }
        }
        return new ServeFlags(concurrency, maxIdle, timeouts, buffers, cpuExecutor, downstream, dbUrl, dbPoolSize);
    }

    private static long millis(String value) {
        if (!value.matches("[0-9]{1,12}ms")) {
            throw new IllegalArgumentException("--max-idle-worker-duration must be N ms as compare writes it, was "
                    + value);
        }
        return Long.parseLong(value.substring(0, value.length() - 2));
    }

    /** serve's flags for these options: {@link ServeOptions#args()}, then the services'. */
    public List<String> args() {
        List<String> args = new ArrayList<>(new ServeOptions(concurrency,
                maxIdleWorkerMillis == null ? null : Duration.ofMillis(maxIdleWorkerMillis), timeouts, buffers,
                cpuExecutor).args());
        if (downstream != null) {
            args.addAll(List.of(DOWNSTREAM, downstream));
        }
        if (dbUrl != null) {
            args.addAll(List.of(DB_URL_FLAG, dbUrl));
        }
        if (dbPoolSize != null) {
            args.addAll(List.of(DB_POOL_SIZE, Integer.toString(dbPoolSize)));
        }
        return args;
    }
}
