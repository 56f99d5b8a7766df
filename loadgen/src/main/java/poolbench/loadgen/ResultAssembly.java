package poolbench.loadgen;

import java.time.Instant;
import java.util.List;

/** Adds up the loops' counters and the sampler's histograms into a {@link LoadResult}, once the loops have ended. */
final class ResultAssembly {

    private ResultAssembly() {
    }

    static LoadResult assemble(LoadConfig config, List<ClientLoop> loops, TimelineSampler sampler,
                               Instant measureStart, long measuredNanos, boolean interrupted) {
        List<LoopCounters> counters = loops.stream().map(loop -> loop.counters).toList();
        double seconds = measuredNanos / 1e9;
        long requests = LoopCounters.sum(counters, Counter.RESPONSES);
        long bytesRead = LoopCounters.sum(counters, Counter.BYTES_READ);
        boolean open = config.openLoop();
        return new LoadResult(
                LoadResult.TOOL,
                config,
                open ? "open-loop" : "closed-loop",
                measureStart.toString(),
                seconds,
                interrupted,
                requests,
                LoopCounters.sum(counters, Counter.SENT),
                LoopCounters.sum(counters, Counter.ABANDONED),
                seconds > 0 ? requests / seconds : 0,
                bytesRead,
                LoopCounters.sum(counters, Counter.BYTES_WRITTEN),
                seconds > 0 ? bytesRead / seconds : 0,
                loops.stream().mapToLong(ClientLoop::measuredCpuNanos).sum() / 1e9,
                new LoadResult.Connections(
                        LoopCounters.sum(counters, Counter.CONNECTIONS_OPENED),
                        LoopCounters.sum(counters, Counter.CLOSED_BY_SERVER)),
                new LoadResult.Errors(
                        LoopCounters.sum(counters, Counter.CONNECT_ERRORS),
                        LoopCounters.sum(counters, Counter.READ_ERRORS),
                        LoopCounters.sum(counters, Counter.WRITE_ERRORS),
                        LoopCounters.sum(counters, Counter.TIMEOUTS),
                        LoopCounters.sum(counters, Counter.PARSE_ERRORS),
                        LoopCounters.sum(counters, Counter.STATUS_ERRORS)),
                ErrorCauses.sum(loops.stream().map(loop -> loop.causes).toList()),
                new LoadResult.StatusClasses(
                        LoopCounters.sum(counters, Counter.STATUS_1XX),
                        LoopCounters.sum(counters, Counter.STATUS_2XX),
                        LoopCounters.sum(counters, Counter.STATUS_3XX),
                        LoopCounters.sum(counters, Counter.STATUS_4XX),
                        LoopCounters.sum(counters, Counter.STATUS_5XX),
                        LoopCounters.sum(counters, Counter.STATUS_OTHER)),
                LatencyReport.of(open ? "intended send" : "send", sampler.latency()),
                open ? LatencyReport.of("send", sampler.serviceTime()) : null,
                open ? ScheduleReport.of(config.rate(), sampler.scheduleLag(), LoopCounters.sum(counters, Counter.UNSENT))
                        : null,
                sampler.timeline());
    }
}
