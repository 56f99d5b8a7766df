package poolbench.compare.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RefusalLogTest {

    /** 100 refusals in 1.5 s (one each 15 ms): a line at 0 s and one at 1.005 s that counts the 66 between. */
    @Test
    void aFloodOfRefusalsIsLoggedOnceASecondWithTheCountOfTheRest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(5_000_000_000L);
        RefusalLog log = new RefusalLog(new PrintStream(out, true, StandardCharsets.UTF_8), now::get);
        for (int i = 0; i < 100; i++) {
            log.refused("GET /machine from /10.0.0.2:4000", "wrong token");
            now.addAndGet(15_000_000L);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertEquals("agent: refused GET /machine from /10.0.0.2:4000: wrong token", lines[0]);
        assertTrue(lines[1].endsWith("(and 66 more refused since the last such line)"), lines[1]);
    }
}
