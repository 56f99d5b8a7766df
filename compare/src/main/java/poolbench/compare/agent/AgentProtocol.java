package poolbench.compare.agent;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import poolbench.compare.machine.CpuTicks;

/**
 * What compare and an agent say to each other: JSON over HTTP/1.1, each request with the token. The endpoints:
 * <ul>
 *   <li>{@code GET /machine}: the server host ({@code ServerMachine});</li>
 *   <li>{@code POST /quota} {@link QuotaRequest}: the CPU quota servers would get there ({@code CpuQuota});</li>
 *   <li>{@code POST /servers} {@link StartRequest}: starts an arm or a reference, {@link Started};</li>
 *   <li>{@code GET /servers/PID}: {@link Status}; {@code POST /servers/PID/stop}: {@link Stopped};</li>
 *   <li>{@code GET /servers/PID/stack-chunks?from=MS&to=MS}: {@link StackChunks}, after the stop;</li>
 *   <li>{@code POST /counters} {@link CountersRequest}: {@link Counters}, the raw ticks compare's accounting
 *   needs.</li>
 * </ul>
 * A refused request gets a 4xx (a failure on the host a 500) with a {@link Refusal}, one line saying why.
 */
public final class AgentProtocol {

    public static final String MACHINE = "/machine";
    public static final String QUOTA = "/quota";
    public static final String SERVERS = "/servers";
    public static final String COUNTERS = "/counters";
    public static final String STOP = "/stop";
    public static final String STACK_CHUNKS = "/stack-chunks";

    /** Requests are read strictly: a field the agent does not know (a {@code command}, say) is refused, not skipped. */
    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Answers are read leniently: an agent of the same commit (compare checks) that says more is still understood. */
    static final ObjectMapper LENIENT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AgentProtocol() {
    }

    /** @param share the share of the server CPUs, as {@code --cpu-quota}; @param periodMicros {@code --quota-period} */
    public record QuotaRequest(double share, long periodMicros) {
    }

    /**
     * One server to start.
     *
     * @param arm          an arm or reference server of the agent's class path, or a Go original
     * @param heap         its heap, as {@code JvmSetting} takes it
     * @param gc           its collector
     * @param serve        its serve options
     * @param quotaShare   the CPU quota's share of the server CPUs (0: none)
     * @param quotaPeriodMicros the quota's period
     * @param stackChunks  whether a flight recording counts its StackChunk allocation
     * @param logName      the name of its log (letters, digits, '.', '-', '_'), sent back at the stop
     */
    public record StartRequest(String arm, String heap, String gc, ServeFlags serve, double quotaShare,
                               long quotaPeriodMicros, boolean stackChunks, String logName) {
    }

    /** A started server: its pid on the server host and its ports on the agent's address. */
    public record Started(long pid, int port, int adminPort) {
    }

    public record Status(boolean alive, String exitDescription) {
    }

    /** A stopped server's output, its last megabyte at most. */
    public record Stopped(String log) {
    }

    /** @param server the measured server's pid, -1 for none; @param waiting the waiting servers' pids */
    public record CountersRequest(long server, List<Long> waiting) {
    }

    /**
     * The server side's counters, read as compare reads its own machine's.
     *
     * @param cpus    the server CPUs' ticks, by CPU number on the server host
     * @param server  the measured server's process tree: ticks by pid
     * @param waiting the waiting servers' trees
     */
    public record Counters(SortedMap<Integer, CpuTicks> cpus, Map<Long, Long> server, Map<Long, Long> waiting) {
    }

    public record StackChunks(long bytes) {
    }

    public record Refusal(String error) {
    }
}
