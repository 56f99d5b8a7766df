package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parsesTheUnitsLoadToolsUse() {
        assertEquals(Duration.ofSeconds(10), DurationText.parse("10s"));
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofMinutes(2), DurationText.parse("2m"));
        assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
        assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s"));
        assertEquals(Duration.ofSeconds(7), DurationText.parse("7"));
        assertEquals(Duration.ofSeconds(-1), DurationText.parse("-1s"));
    }

    @Test
    void formatsInTheLargestExactUnitSoItParsesBack() {
        for (String text : new String[] {"10s", "500ms", "2m", "1h", "1500ms", "250us", "0s"}) {
            assertEquals(text, DurationText.format(DurationText.parse(text)));
        }
    }

    @Test
    void rejectsTextThatIsNotADuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse("ten"));
        assertEquals("invalid duration 'ten'; use e.g. 10s, 500ms or 2m", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("10 days"));
    }
}
