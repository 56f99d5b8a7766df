package poolbench.report.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.OperatingPoints;

/**
 * Which comparisons of a run a decision reads: those of one workload at the default heap and collector (one per
 * connection count, never pooled), or, from the heap × collector sweep, the comparisons at the smallest or the
 * largest heap of each collector.
 *
 * @param workload the workload's name
 * @param heap     which heap
 */
record Selection(String workload, Heap heap) {

    /** Which heap a selection reads. */
    enum Heap {
        DEFAULT(""),
        SMALLEST(" at the smallest swept heap of each collector"),
        LARGEST(" at the largest swept heap of each collector"),
        EVERY(" at every swept heap and collector");

        private final String words;

        Heap(String words) {
            this.words = words;
        }
    }

    static Selection of(String workload) {
        return new Selection(workload, Heap.DEFAULT);
    }

    /** "on plaintext-close", "on sleep at the smallest swept heap of each collector". */
    String text() {
        return "on " + workload + heap.words;
    }

    List<ComparisonLaunches> select(OperatingPoints points) {
        if (heap == Heap.DEFAULT) {
            return points.of(workload);
        }
        if (heap == Heap.EVERY) {
            return points.swept(workload);
        }
        // Per collector and connection count, the comparisons by heap; at least two heaps make a smallest and a
        // largest that differ.
        Map<String, List<ComparisonLaunches>> series = points.swept(workload).stream().collect(Collectors.groupingBy(
                c -> c.jvm().gc() + "|" + c.connections(), TreeMap::new, Collectors.toList()));
        List<ComparisonLaunches> chosen = new ArrayList<>();
        for (List<ComparisonLaunches> byHeap : series.values()) {
            if (byHeap.size() < 2) {
                continue;
            }
            Comparator<ComparisonLaunches> bySize = Comparator.comparingLong(c -> OperatingPoints.heapBytes(
                    c.jvm().heap()));
            chosen.add(heap == Heap.SMALLEST ? byHeap.stream().min(bySize).orElseThrow()
                    : byHeap.stream().max(bySize).orElseThrow());
        }
        return chosen;
    }
}
