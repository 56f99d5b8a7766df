package poolbench.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.Window;

/**
 * What compare prints at its end for its comparisons: each arm's capacity, then per ladder step and arm the median
 * over launches of the server's CPU and allocation per request and the p99, from counted, sustained windows only.
 * The report computes the intervals and verdicts; this is the quick look.
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    public static void print(List<LaunchRecord> launches, PrintStream out) {
        Map<String, List<LaunchRecord>> byComparison = new LinkedHashMap<>();
        launches.forEach(l -> byComparison.computeIfAbsent(l.comparison(), k -> new ArrayList<>()).add(l));
        for (var e : byComparison.entrySet()) {
            List<LaunchRecord> ls = e.getValue();
            LaunchRecord first = ls.get(0);
            out.println(e.getKey() + " (" + ls.size() + " launches, quota " + first.quota().describe() + "; "
                    + first.ladderBasis() + ")");
            for (LaunchRecord l : ls) {
                for (CapacityPoint c : l.capacities()) {
                    out.printf(Locale.ROOT, "  capacity %-16s %,10.0f/s  %s%n", c.arm(), c.capacity(), c.note());
                }
                if (l.error() != null) {
                    out.println("  launch " + l.launch() + ": " + l.error());
                }
            }
            out.printf(Locale.ROOT, "  %-5s %-16s %10s %10s %12s %10s %10s%n", "step", "arm", "offered/s",
                    "achieved/s", "CPU µs/req", "B/req", "p99 ms");
            List<String> arms = ls.stream().flatMap(l -> l.servers().stream().map(LaunchRecord.Server::label))
                    .distinct().toList();
            int steps = first.ladder().size();
            for (int step = 0; step < steps; step++) {
                for (String arm : arms) {
                    List<Window> ws = new ArrayList<>();
                    for (LaunchRecord l : ls) {
                        int k = step;
                        l.windows().stream().filter(w -> w.arm().equals(arm) && w.step() == k && w.counted())
                                .forEach(ws::add);
                    }
                    if (ws.isEmpty()) {
                        out.printf(Locale.ROOT, "  %-5d %-16s %10s%n", step, arm, "no counted window");
                        continue;
                    }
                    long keptUp = ws.stream().filter(Window::keptUp).count();
                    out.printf(Locale.ROOT, "  %-5d %-16s %,10.0f %,10.0f %12.1f %10.0f %10.2f%s%n", step, arm,
                            ws.get(0).offeredRate(), median(ws.stream().map(Window::achievedRate).toList()),
                            median(ws.stream().map(w -> w.server().cpuMicrosPerRequest()).toList()),
                            median(ws.stream().map(w -> w.server().allocBytesPerRequest()).toList()),
                            median(ws.stream().map(w -> w.load().latency().percentileMs(99)).toList()),
                            keptUp == ws.size() ? "" : "  (" + (ws.size() - keptUp) + " of " + ws.size()
                                    + " not kept up)");
                }
            }
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
