package poolbench.compare.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap and collector a server JVM runs with. Every run uses {@link #DEFAULT} unless {@code --heaps} and
 * {@code --gcs} (or the full suite's sweep) ask for others; each combination is a fresh JVM, and a setting
 * other than the default is part of the record's id.
 *
 * @param heap the heap, as -Xms and -Xmx take it ({@code 256m}, {@code 1g})
 * @param gc   {@code g1} or {@code parallel}
 */
public record JvmSetting(String heap, String gc) {

    public static final List<String> COLLECTORS = List.of("g1", "parallel");

    /** The same heap and collector for every arm, so allocation turns into GC work the same way. */
    public static final JvmSetting DEFAULT = new JvmSetting("512m", "g1");

    public JvmSetting {
        heap = heap.toLowerCase(Locale.ROOT);
        gc = gc.toLowerCase(Locale.ROOT);
        if (!heap.matches("[1-9][0-9]*[mg]")) {
            throw new IllegalArgumentException("a heap is a size like 256m or 4g, was '" + heap + "'");
        }
        if (!COLLECTORS.contains(gc)) {
            throw new IllegalArgumentException("unknown collector '" + gc + "'; valid: " + String.join(", ", COLLECTORS));
        }
    }

    /** Every combination of {@code heaps} × {@code gcs}, heaps outermost. */
    public static List<JvmSetting> combinations(List<String> heaps, List<String> gcs) {
        List<JvmSetting> all = new ArrayList<>();
        for (String h : heaps) {
            for (String g : gcs) {
                all.add(new JvmSetting(h, g));
            }
        }
        return all;
    }

    /** The flags that make it so. */
    public List<String> flags() {
        return List.of("-Xms" + heap, "-Xmx" + heap, gc.equals("g1") ? "-XX:+UseG1GC" : "-XX:+UseParallelGC");
    }

    /** {@code 1g-parallel}: the suffix of a record id, a column of a table. */
    public String label() {
        return heap + "-" + gc;
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
