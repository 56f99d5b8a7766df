package poolbench.cli;

import java.time.Duration;
import java.util.Locale;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import poolbench.db.PooledWorldDatabase;
import poolbench.loadgen.DurationText;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Backends;
import poolbench.server.spi.ArmOptions;

/**
 * {@code serve}'s defaults, read from where each lives ({@link ServerConfig#DEFAULTS}, {@link ArmOptions#DEFAULTS})
 * and written as the text its converters parse, so that a default changed there cannot be missed here. An option
 * not listed has no default, or its own in the annotation.
 */
final class ServeDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        ServerConfig server = ServerConfig.DEFAULTS;
        ArmOptions arm = ArmOptions.DEFAULTS;
        return switch (option.longestName()) {
            case "--host" -> server.host();
            case "--port" -> String.valueOf(server.port());
            case "--admin-host" -> server.adminHost();
            case "--buffers" -> lowerCase(server.buffers());
            case "--sleep-on-overflow" -> duration(server.sleepOnOverflow());
            case "--read-timeout" -> duration(server.readTimeout());
            case "--idle-timeout" -> duration(server.idleTimeout());
            case "--write-timeout" -> duration(server.writeTimeout());
            case "--timeouts" -> lowerCase(server.timeouts());
            case "--cpu-executor" -> String.valueOf(server.cpuExecutorThreads());
            case "--max-idle-worker-duration" -> duration(arm.maxIdleWorkerDuration());
            case "--order" -> lowerCase(arm.order());
            case "--downstream-timeout" -> duration(Backends.DEFAULT_DOWNSTREAM_TIMEOUT);
            case "--db-timeout" -> duration(PooledWorldDatabase.Options.DEFAULT_CONNECTION_TIMEOUT);
            case "--db-pool-size" -> String.valueOf(PooledWorldDatabase.Options.DEFAULT_POOL_SIZE);
            default -> null;
        };
    }

    private static String duration(Duration d) {
        return DurationText.format(d);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
