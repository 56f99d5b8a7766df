package poolbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every chart of a run, drawn into {@code charts/}; a chart whose data the run lacks is not drawn. */
record ChartSet(List<DrawnChart> comparisons, List<DrawnChart> throughput, List<DrawnChart> latency,
                List<DrawnChart> cost, List<DrawnChart> burst, List<DrawnChart> jmh) {

    static ChartSet draw(RunSet runs) throws IOException {
        return new ChartSet(RateCharts.draw(runs), ThroughputCharts.draw(runs), LatencyChart.draw(runs),
                CostCharts.draw(runs), BurstTimelineChart.draw(runs), JmhCharts.draw(runs));
    }

    List<DrawnChart> all() {
        List<DrawnChart> all = new ArrayList<>(comparisons);
        all.addAll(throughput);
        all.addAll(latency);
        all.addAll(cost);
        all.addAll(burst);
        all.addAll(jmh);
        return all;
    }

    boolean has(String file) {
        return find(file).isPresent();
    }

    java.util.Optional<DrawnChart> find(String file) {
        return all().stream().filter(c -> c.file().equals(file)).findFirst();
    }
}
