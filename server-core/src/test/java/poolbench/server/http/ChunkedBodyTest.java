package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkedBodyTest {

    private static final String BODY = "5\r\nhello\r\n1A;name=value\r\n" + "x".repeat(26) + "\r\n0\r\nX-Trailer: t\r\n\r\n";

    private final ChunkedBody body = new ChunkedBody(100, 64);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBodySplitAtEveryByteEndsExactlyWhereItEnds() {
        byte[] b = bytes(BODY + "GET /next");
        for (int cut = 0; cut <= BODY.length(); cut++) {
            body.reset();
            int p = body.skip(b, 0, cut);
            assertEquals(cut, p, "the first piece is consumed whole");
            assertEquals(cut == BODY.length(), body.done(), "cut " + cut);
            int end = body.skip(b, p, b.length);
            assertTrue(body.done(), "cut " + cut);
            assertEquals(0, body.status());
            assertEquals(BODY.length(), end, "cut " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no size|\\r\\n|-400",
        "not hex|g\\r\\n|-400",
        "bare LF after the size|5\\nhello\\r\\n0\\r\\n\\r\\n|-400",
        "data longer than its size|2\\r\\nabc\\r\\n|-400",
        "sixteen hex digits|1000000000000000\\r\\n|-413",
        "over the body limit|65\\r\\n|-413",
        "bare LF in a trailer|0\\r\\nX: a\\n\\r\\n|-400"
    })
    void aBrokenOrOversizedBodyGetsItsStatus(String name, String escaped, int expected) {
        byte[] b = bytes(escaped.replace("\\r", "\r").replace("\\n", "\n"));
        body.reset();
        body.skip(b, 0, b.length);
        assertFalse(body.done());
        assertEquals(expected, body.status(), name);
    }
}
