package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.http.HttpInputs.show;

import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import poolbench.server.accept.ServerConfig;
import poolbench.server.testing.LongRunTries;

/**
 * The request parser fed what a hostile or broken client may send. Whatever the bytes, a parse returns a head
 * length within them (whose target lies inside the head), NEED_MORE, or one of the documented statuses; it never
 * throws, never reads outside {@code [start, end)}, and a prefix never claims a head that the whole input would
 * not. The default run tries a few thousand inputs; {@code -Dpoolbench.long=true} 100,000 per property.
 */
class RequestParserFuzzTest {

    private static final Set<Integer> DOCUMENTED = Set.of(RequestParser.BAD_REQUEST, RequestParser.PAYLOAD_TOO_LARGE,
            RequestParser.URI_TOO_LONG, RequestParser.HEADERS_TOO_LARGE, RequestParser.NOT_IMPLEMENTED,
            RequestParser.VERSION_NOT_SUPPORTED);

    private final RequestParser defaults = new RequestParser(ServerConfig.DEFAULTS);

    @Provide
    Arbitrary<byte[]> inputs() {
        return HttpInputs.anyInput();
    }

    /** Small limits, so that the limit checks meet the other checks more often. */
    @Provide
    Arbitrary<Tuple2<RequestParser, byte[]>> smallLimitsAndInputs() {
        Arbitrary<RequestParser> parsers = Combinators.combine(Arbitraries.integers().between(16, 80),
                Arbitraries.integers().between(0, 200), Arbitraries.longs().between(0, 40))
                .as((line, moreHeaders, body) -> new RequestParser(line, line + moreHeaders, body));
        return Combinators.combine(parsers, HttpInputs.anyInput()).as(Tuple::of);
    }

    @Property(tries = 2_000, edgeCases = EdgeCasesMode.NONE)
    @LongRunTries(100_000)
    void everyInputGivesAHeadLengthWithinItNeedMoreOrADocumentedStatus(@ForAll("inputs") byte[] input) {
        Request req = new Request();
        int r = defaults.parse(input, 0, input.length, req);
        Statistics.label("verdict").collect(r > 0 ? "head" : r == 0 ? "need more" : String.valueOf(-r));
        assertTrue(r == RequestParser.NEED_MORE || r > 0 && r <= input.length || DOCUMENTED.contains(r),
                () -> "parse gave " + r + " for " + show(input));
        if (r > 0) {
            assertTrue(req.method() != null, "no method");
            assertTrue(0 < req.targetStart() && req.targetStart() <= req.pathEnd() && req.pathEnd() <= req.targetEnd()
                    && req.targetEnd() < r, () -> "target " + req.targetStart() + ".." + req.pathEnd() + ".."
                    + req.targetEnd() + " in a head of " + r + ": " + show(input));
            // A path starts with '/', is OPTIONS's '*', or is the empty path of an absolute-form target.
            byte first = input[req.targetStart()];
            assertTrue(first == '/' || first == '*' && req.method() == Request.Method.OPTIONS
                    || req.targetStart() == req.pathEnd(), () -> "path at " + req.targetStart() + ": " + show(input));
            assertTrue(req.contentLength() >= 0 && req.contentLength() <= ServerConfig.DEFAULTS.maxBodyBytes());
        }
    }

    @Property(tries = 2_000, edgeCases = EdgeCasesMode.NONE)
    @LongRunTries(100_000)
    void aPrefixNeedsMoreOrGivesTheWholeInputsVerdict(@ForAll("smallLimitsAndInputs") Tuple2<RequestParser, byte[]> c) {
        assertPrefixesAgree(c.get1(), c.get2());
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    @LongRunTries(100_000)
    void aPrefixOfARealisticInputAgreesUnderTheDefaultLimits(@ForAll("inputs") byte[] input) {
        assertPrefixesAgree(defaults, input);
    }

    @Property(tries = 2_000, edgeCases = EdgeCasesMode.NONE)
    @LongRunTries(100_000)
    void bytesBeforeStartAndAfterEndChangeNothing(@ForAll("inputs") byte[] input, @ForAll long seed) {
        Random random = new Random(seed);
        int before = random.nextInt(64);
        byte[] framed = new byte[before + input.length + random.nextInt(64)];
        random.nextBytes(framed);
        System.arraycopy(input, 0, framed, before, input.length);
        Request alone = new Request();
        Request inFrame = new Request();
        int r = defaults.parse(input, 0, input.length, alone);
        assertEquals(r, defaults.parse(framed, before, before + input.length, inFrame), () -> show(input));
        if (r > 0) {
            assertEquals(alone.method(), inFrame.method());
            assertEquals(alone.targetStart() + before, inFrame.targetStart());
            assertEquals(alone.pathEnd() + before, inFrame.pathEnd());
            assertEquals(alone.targetEnd() + before, inFrame.targetEnd());
            assertEquals(alone.keepAlive(), inFrame.keepAlive());
            assertEquals(alone.contentLength(), inFrame.contentLength());
        }
    }

    /**
     * A head that ends at byte n is NEED_MORE before n and n from there on; an input the whole of which is
     * refused is NEED_MORE or that same refusal at every prefix; an input that needs more needs more at every
     * prefix. Every prefix length is tried near the start and near the head's end, and a sample elsewhere, so
     * that a long input costs about 400 parses rather than one per byte.
     */
    private static void assertPrefixesAgree(RequestParser parser, byte[] input) {
        Request req = new Request();
        int whole = parser.parse(input, 0, input.length, req);
        int step = Math.max(1, input.length / 256);
        for (int k = 0; k <= input.length; k++) {
            boolean nearAnEdge = k < 64 || whole > 0 && Math.abs(k - whole) <= 64;
            if (!nearAnEdge && k % step != 0) {
                continue;
            }
            int r = parser.parse(input, 0, k, req);
            int prefix = k;
            if (whole > 0) {
                int expected = k < whole ? RequestParser.NEED_MORE : whole;
                assertEquals(expected, r, () -> "prefix " + prefix + " of " + show(input));
            } else {
                assertTrue(r == RequestParser.NEED_MORE || r == whole,
                        () -> "prefix " + prefix + " gave " + r + ", the whole input " + whole + ": " + show(input));
            }
        }
    }
}
