package poolbench.server.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How an endpoint reads its integer parameter from the query the parser delimited (from its '?'). */
class QueryParameterTest {

    private static long queryInt(String query, String name, long max) {
        byte[] b = query.getBytes(StandardCharsets.ISO_8859_1);
        return Endpoints.queryInt(b, 0, b.length, name.getBytes(StandardCharsets.ISO_8859_1), max);
    }

    @Test
    void aParameterIsFoundByItsWholeNameAmongOthers() {
        assertEquals(5, queryInt("?ms=5&x=1", "ms", 100));
        assertEquals(1, queryInt("?ms=5&x=1", "x", 100));
        assertEquals(-1, queryInt("?ms=5&x=1", "m", 100));
        assertEquals(-1, queryInt("?", "ms", 100));
    }

    @Test
    void aValueThatIsEmptyNotAllDigitsOrAboveTheMaximumIsMissing() {
        assertEquals(100, queryInt("?ms=100", "ms", 100));
        assertEquals(-1, queryInt("?ms=101", "ms", 100));
        assertEquals(-1, queryInt("?ms=", "ms", 100));
        assertEquals(-1, queryInt("?ms=-1", "ms", 100));
        assertEquals(-1, queryInt("?ms=1x", "ms", 100));
        assertEquals(-1, queryInt("?ms=12345678901", "ms", Long.MAX_VALUE));
    }
}
