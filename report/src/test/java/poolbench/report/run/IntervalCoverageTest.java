package poolbench.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the intervals over launches are worth: pairs of arms with a known ratio, each launch moving both arms by a
 * shared lognormal factor and each arm by its own, and how often a 95% interval holds the true ratio. The t-interval
 * on the log-ratios must hold it at least 93% of the time from 3 launches and from 5; the percentile bootstrap over 3
 * pairs, which the report used before, returns little more than the pairs' range and holds it far less often.
 */
class IntervalCoverageTest {

    private static final double TRUE_RATIO = 1.7;
    /** Each arm's own launch-to-launch noise, on a log scale (about ±15%). */
    private static final double ARM_NOISE = 0.15;
    /** What a launch does to both arms alike (they run at once): it cancels in the ratio. */
    private static final double SHARED_NOISE = 0.3;
    private static final int TRIALS = 4_000;

    /** One simulated comparison: n launches' numerator and denominator figures. */
    private static LaunchRatio simulate(SplittableRandom random, int launches) {
        java.util.List<LaunchRatio.Pair> pairs = new java.util.ArrayList<>();
        for (int l = 1; l <= launches; l++) {
            double shared = Math.exp(SHARED_NOISE * gaussian(random));
            double denominator = 100 * shared * Math.exp(ARM_NOISE * gaussian(random));
            double numerator = TRUE_RATIO * 100 * shared * Math.exp(ARM_NOISE * gaussian(random));
            pairs.add(new LaunchRatio.Pair(l, numerator, denominator));
        }
        return new LaunchRatio("a", "b", pairs);
    }

    /** A standard normal deviate (Box–Muller), from the seeded generator so the test gives one answer. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static boolean holds(Interval i) {
        return i.low() <= TRUE_RATIO && TRUE_RATIO <= i.high();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void theTIntervalOverLaunchesHoldsTheTrueRatioAtLeast93PercentOfTheTime(int launches) {
        SplittableRandom random = new SplittableRandom(20261202L + launches);
        int held = 0;
        for (int t = 0; t < TRIALS; t++) {
            if (holds(simulate(random, launches).interval())) {
                held++;
            }
        }
        double coverage = held / (double) TRIALS;
        assertTrue(coverage >= 0.93, "coverage " + coverage + " from " + launches + " launches");
        // Nominal, not wider than it says: an interval that always held would decide nothing.
        assertTrue(coverage <= 0.97, "coverage " + coverage + " from " + launches + " launches");
    }

    /** The report's former interval: the percentile bootstrap over the pairs (3 pairs have 10 distinct means). */
    private static Interval bootstrap(LaunchRatio r, SplittableRandom random) {
        double[] logs = r.pairs().stream().mapToDouble(p -> Math.log(p.ratio())).toArray();
        int resamples = 2_000;
        double[] means = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            double sum = 0;
            for (int j = 0; j < logs.length; j++) {
                sum += logs[random.nextInt(logs.length)];
            }
            means[i] = sum / logs.length;
        }
        Arrays.sort(means);
        return new Interval(Math.exp(means[(int) Math.floor(0.025 * (resamples - 1))]),
                Math.exp(means[(int) Math.ceil(0.975 * (resamples - 1))]));
    }

    @Test
    void thePercentileBootstrapOverThreePairsHoldsItFarLessOften() {
        SplittableRandom random = new SplittableRandom(20261125L);
        int held = 0;
        for (int t = 0; t < TRIALS; t++) {
            if (holds(bootstrap(simulate(random, 3), random))) {
                held++;
            }
        }
        double coverage = held / (double) TRIALS;
        assertTrue(coverage < 0.85, "bootstrap coverage " + coverage);
        assertTrue(coverage > 0.6, "bootstrap coverage " + coverage + ": about three in four, as measured before");
    }

    @Test
    void noIntervalFromFewerThanThreeLaunches() {
        LaunchRatio two = new LaunchRatio("a", "b", java.util.List.of(new LaunchRatio.Pair(1, 2, 1),
                new LaunchRatio.Pair(2, 2.2, 1)));
        assertTrue(two.interval().empty());
        assertTrue(two.summary().contains("no interval from fewer than 3 launches"), two.summary());
    }

    @Test
    void threeEqualRatiosHaveAnIntervalOfThatRatioAlone() {
        LaunchRatio same = new LaunchRatio("a", "b", java.util.List.of(new LaunchRatio.Pair(1, 3, 1),
                new LaunchRatio.Pair(2, 6, 2), new LaunchRatio.Pair(3, 30, 10)));
        assertEquals(3.0, same.geometricMean(), 1e-12);
        assertEquals(3.0, same.interval().low(), 1e-12);
        assertEquals(3.0, same.interval().high(), 1e-12);
    }

    @Test
    void theTQuantileIsTheTextbooksAndJoinsTheNormalsFarOut() {
        assertEquals(4.303, StudentT.quantile975(2), 1e-9);
        assertEquals(2.776, StudentT.quantile975(4), 1e-9);
        assertEquals(2.042, StudentT.quantile975(30), 1e-9);
        // Past the table the expansion carries on smoothly: 2.040 at 31, 2.021 at 40, 1.984 at 100.
        assertEquals(2.040, StudentT.quantile975(31), 5e-4);
        assertEquals(2.021, StudentT.quantile975(40), 5e-4);
        assertEquals(1.984, StudentT.quantile975(100), 5e-4);
        assertEquals(1.96, StudentT.quantile975(100_000), 1e-3);
    }
}
