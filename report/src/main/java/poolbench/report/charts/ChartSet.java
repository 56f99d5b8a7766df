package poolbench.report.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import poolbench.report.run.RunSet;

/** Every chart of a run, drawn into {@code charts/}; a chart whose data the run lacks is not drawn. */
public record ChartSet(List<DrawnChart> comparisons, List<DrawnChart> throughput, List<DrawnChart> latency,
                List<DrawnChart> cost, List<DrawnChart> burst, List<DrawnChart> jmh) {

    public static ChartSet draw(RunSet runs) throws IOException {
        return new ChartSet(RateCharts.draw(runs), ThroughputCharts.draw(runs), LatencyChart.draw(runs),
                CostCharts.draw(runs), BurstTimelineChart.draw(runs), JmhCharts.draw(runs));
    }

    public List<DrawnChart> all() {
        List<DrawnChart> all = new ArrayList<>(comparisons);
        all.addAll(throughput);
        all.addAll(latency);
        all.addAll(cost);
        all.addAll(burst);
        all.addAll(jmh);
        return all;
    }

    public boolean has(String file) {
        return find(file).isPresent();
    }

    public Optional<DrawnChart> find(String file) {
        return all().stream().filter(c -> c.file().equals(file)).findFirst();
    }
}
