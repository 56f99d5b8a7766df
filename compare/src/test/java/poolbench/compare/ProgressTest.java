package poolbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Progress progress(int steps, Duration planned) {
        return new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, steps, planned,
                nanos::get);
    }

    /** A step planned at {@code plannedSeconds} that took {@code tookSeconds}. */
    private void step(Progress p, String what, int plannedSeconds, int tookSeconds) {
        p.starting(what, Duration.ofSeconds(plannedSeconds));
        nanos.addAndGet(Duration.ofSeconds(tookSeconds).toNanos());
        p.finished();
    }

    @Test
    void beforeAnyStepIsDoneTheEtaIsThePlan() {
        Progress p = progress(3, Duration.ofSeconds(100));
        p.starting("first", Duration.ofSeconds(80));
        assertEquals("1m40s", p.formatEta());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("[1/3] first (ETA 1m40s)"));
    }

    @Test
    void aLongFirstStepDoesNotMakeTheShortOnesLeftLookLong() {
        // One 80 s step and two of 10 s, the first done in 40 s: half the plan's pace, so 20 s planned are 10 s.
        // An average per step would say 2 × 40 s.
        Progress p = progress(3, Duration.ofSeconds(100));
        step(p, "search", 80, 40);
        p.starting("window", Duration.ofSeconds(10));
        assertEquals("10s", p.formatEta());
    }

    @Test
    void aSlowRunScalesTheRestOfThePlanByItsPace() {
        Progress p = progress(2, Duration.ofSeconds(200));
        step(p, "a", 100, 150);
        assertEquals("2m30s", p.formatEta());
    }

    @Test
    void anAddedStepJoinsTheCountAndThePlan() {
        Progress p = progress(1, Duration.ofSeconds(60));
        step(p, "launch 1", 60, 60);
        p.added(Duration.ofSeconds(30));
        p.starting("launch 2", Duration.ofSeconds(30));
        assertEquals("30s", p.formatEta());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("[2/2] launch 2"));
    }

    @Test
    void moreStepsThanPlannedNeverGiveANegativeEta() {
        Progress p = progress(1, Duration.ofSeconds(10));
        step(p, "a", 20, 20);
        assertEquals("0s", p.formatEta());
    }
}
