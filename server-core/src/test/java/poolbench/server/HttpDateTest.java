package poolbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class HttpDateTest {

    @Test
    void dateIsImfFixdateOfNow() {
        String date = new String(HttpDate.now(), StandardCharsets.US_ASCII);
        assertEquals(HttpDate.LENGTH, date.length());
        assertTrue(date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), date);
        ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        long skew = Math.abs(parsed.toEpochSecond() - System.currentTimeMillis() / 1000);
        assertTrue(skew <= 1, "date is " + skew + " s away from now");
    }
}
