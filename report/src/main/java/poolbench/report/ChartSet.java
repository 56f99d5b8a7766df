package poolbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every chart of a run, drawn into {@code charts/}; a chart whose data the run lacks is not drawn. */
record ChartSet(List<DrawnChart> throughput, List<DrawnChart> latency, List<DrawnChart> cost,
                List<DrawnChart> burst, List<DrawnChart> jmh) {

    static ChartSet draw(RunSet runs) throws IOException {
        return new ChartSet(ThroughputCharts.draw(runs), LatencyChart.draw(runs), CostCharts.draw(runs),
                BurstTimelineChart.draw(runs), JmhCharts.draw(runs));
    }

    List<DrawnChart> all() {
        List<DrawnChart> all = new ArrayList<>(throughput);
        all.addAll(latency);
        all.addAll(cost);
        all.addAll(burst);
        all.addAll(jmh);
        return all;
    }

    boolean has(String file) {
        return all().stream().anyMatch(c -> c.file().equals(file));
    }
}
