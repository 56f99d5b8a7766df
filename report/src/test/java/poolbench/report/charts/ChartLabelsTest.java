package poolbench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import poolbench.report.run.Runs;

/** The latency chart's percentile axis reads as percentiles, and its tick labels never repeat. */
class ChartLabelsTest {

    @Test
    void wholeDecadesArePercentilesOfNines() {
        assertEquals("0%", LatencyChart.percentileLabel(0));
        assertEquals("90%", LatencyChart.percentileLabel(1));
        assertEquals("99%", LatencyChart.percentileLabel(2));
        assertEquals("99.9%", LatencyChart.percentileLabel(3));
        assertEquals("99.99%", LatencyChart.percentileLabel(4));
    }

    @Test
    void labelsBetweenAndLeftOfDecadesDifferFromEachOther() {
        // XChart lays ticks out from below the axis start; equal labels there would never let it finish.
        Set<String> seen = new HashSet<>();
        for (double x = -2; x <= 6; x += 0.5) {
            String label = LatencyChart.percentileLabel(x);
            assertEquals(true, seen.add(label), "repeated label " + label + " at " + x);
        }
    }

    @Test
    void spectrumStartsAtTheMedianOfNothingAndEndsBeforeOneHundredPercent() {
        double[][] xy = LatencyChart.spectrum(Runs.latencies(1, 2, 1_000));
        assertEquals(0.0, xy[0][0]);
        assertEquals(1.0, xy[1][0], 0.01);
        List<Double> xs = java.util.Arrays.stream(xy[0]).boxed().toList();
        assertEquals(true, xs.stream().allMatch(Double::isFinite));
    }
}
