package poolbench.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what a client may send: valid requests (pipelined too), the same with bytes flipped,
 * inserted, deleted or cut, heads around and beyond the size limits, bad Content-Lengths, and noise. Targets are
 * the cheap endpoints only, so that a case that reaches a connection loop never sleeps or burns for long.
 *
 * <p>Most are built from jqwik's random source rather than composed from its string and list arbitraries, which
 * cost about a millisecond a request: the fuzz is worth its case count. Such values do not shrink; a failure
 * reports the input and the seed that reproduces it.
 */
public final class HttpInputs {

    private static final List<String> TARGETS = List.of("/plaintext", "/json", "/sleep?ms=1", "/sleep?ms=0",
            "/cpu?work=100", "/", "/nope", "/plaintext?a=b&c", "/json?", "/cpu?work=", "/sleep?ms=x",
            "http://test/plaintext", "*");
    private static final List<String> METHODS = List.of("HEAD", "POST", "OPTIONS", "DELETE");
    private static final List<String> HEADER_NAMES =
            List.of("Host", "Accept", "User-Agent", "Connection", "X-Request-Id", "connection", "Expect");
    private static final List<String> HEADER_VALUES =
            List.of("close", "keep-alive", "Keep-Alive, close", "test", "*/*", "", "notclose", "100-continue");
    private static final List<String> OTHER_VERSIONS = List.of("HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.1");
    private static final List<String> NOISE_STARTS =
            List.of("", "GET ", "GET / HTTP/1.1\r\n", "GET /plaintext HTTP/1.1\r\nHost: ");
    private static final byte[] SPECIAL_BYTES = {0, '\r', '\n', ' ', ':', '\t', 0x7f, '?', '/', '0', '9', '-'};
    private static final String TOKEN = "!#$%&'*+-.^_`|~ABCXYZabz09";
    private static final String PATH = "abcXYZ019-._~%/?=&";
    private static final String FIELD_TEXT = " !\"#%&()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\t";

    private HttpInputs() {
    }

    /** Any of the kinds below, mostly mutated requests: that is where a parser's edge cases hide. */
    public static Arbitrary<byte[]> anyInput() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, pipelines()),
                Tuple.of(5, mutated()),
                Tuple.of(1, hugeHeads()),
                Tuple.of(1, badLengths()),
                Tuple.of(1, noise()));
    }

    /** One to three valid requests back to back. */
    static Arbitrary<byte[]> pipelines() {
        return Arbitraries.randomValue(HttpInputs::pipeline);
    }

    private static byte[] pipeline(Random r) {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            requests.add(validRequest(r));
        }
        return concat(requests);
    }

    /**
     * A valid request: a method, a target, HTTP/1.1 or 1.0 (now and then a version the server does not speak), up
     * to six headers, perhaps a body with its length or in chunks.
     */
    private static byte[] validRequest(Random r) {
        StringBuilder s = new StringBuilder();
        s.append(r.nextInt(8) < 6 ? "GET" : r.nextBoolean() ? pick(r, METHODS) : randomText(r, TOKEN, 1, 8));
        s.append(' ').append(r.nextInt(5) < 4 ? pick(r, TARGETS) : "/" + randomText(r, PATH, 0, 30));
        s.append(' ').append(r.nextInt(40) == 0 ? pick(r, OTHER_VERSIONS) : r.nextInt(7) < 5 ? "HTTP/1.1" : "HTTP/1.0");
        s.append("\r\n");
        if (r.nextInt(10) < 9) {
            // HTTP/1.1 requires a Host; without one most requests would stop at the 400 and test nothing else.
            s.append("Host: ").append(r.nextBoolean() ? "test" : "127.0.0.1:8080").append("\r\n");
        }
        for (int i = r.nextInt(7); i > 0; i--) {
            String name = r.nextBoolean() ? pick(r, HEADER_NAMES) : randomText(r, TOKEN, 1, 20);
            String value = r.nextBoolean() ? pick(r, HEADER_VALUES) : randomText(r, FIELD_TEXT, 0, 40);
            s.append(name).append(':').append(value.isEmpty() ? "" : " ").append(value).append("\r\n");
        }
        if (r.nextInt(20) == 0) {
            s.insert(0, "\r\n");
        }
        String body = r.nextInt(5) == 0 ? randomText(r, FIELD_TEXT, 1, 64) : "";
        if (!body.isEmpty() && r.nextInt(3) == 0) {
            s.append("Transfer-Encoding: chunked\r\n");
            int cut = r.nextInt(body.length() + 1);
            StringBuilder chunked = new StringBuilder();
            for (String piece : new String[] {body.substring(0, cut), body.substring(cut)}) {
                if (!piece.isEmpty()) {
                    chunked.append(Integer.toHexString(piece.length())).append(r.nextBoolean() ? ";x=y" : "")
                            .append("\r\n").append(piece).append("\r\n");
                }
            }
            body = chunked.append("0\r\n").append(r.nextBoolean() ? "X-Trailer: t\r\n" : "").append("\r\n").toString();
        } else if (!body.isEmpty()) {
            s.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        return ascii(s.append("\r\n").append(body).toString());
    }

    private static String pick(Random r, List<String> choices) {
        return choices.get(r.nextInt(choices.size()));
    }

    private static String randomText(Random r, String alphabet, int min, int max) {
        char[] c = new char[min + r.nextInt(max - min + 1)];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    /** Valid requests with one to eight bytes flipped, runs of bytes inserted or deleted, or the tail cut. */
    static Arbitrary<byte[]> mutated() {
        return Arbitraries.randomValue(r -> {
            byte[] b = pipeline(r);
            for (int i = 1 + r.nextInt(8); i > 0; i--) {
                b = mutate(b, r);
            }
            return b;
        });
    }

    private static byte[] mutate(byte[] in, Random r) {
        int at = r.nextInt(in.length + 1);
        byte[] run = new byte[1 + r.nextInt(8)];
        for (int i = 0; i < run.length; i++) {
            run[i] = interestingByte(r);
        }
        return switch (r.nextInt(4)) {
            case 0 -> {
                byte[] out = in.clone();
                if (at < out.length) {
                    out[at] = run[0];
                }
                yield out;
            }
            case 1 -> concat(List.of(Arrays.copyOf(in, at), run, Arrays.copyOfRange(in, at, in.length)));
            case 2 -> concat(List.of(Arrays.copyOf(in, at),
                    Arrays.copyOfRange(in, Math.min(in.length, at + run.length), in.length)));
            default -> Arrays.copyOf(in, at);
        };
    }

    /** A byte a parser must treat with care more often than chance would pick it: controls, separators, high bytes. */
    private static byte interestingByte(Random r) {
        int kind = r.nextInt(9);
        return kind < 4 ? (byte) r.nextInt(256) : kind < 7 ? SPECIAL_BYTES[r.nextInt(SPECIAL_BYTES.length)]
                : (byte) (0x80 + r.nextInt(0x80));
    }

    /**
     * Request lines and header sections just under, at and over the default limits (4096 and 8192 bytes), and a
     * single header far over them.
     */
    static Arbitrary<byte[]> hugeHeads() {
        Arbitrary<byte[]> longTarget = Arbitraries.integers().between(4000, 4200)
                .map(n -> ascii("GET /" + "a".repeat(n) + " HTTP/1.1\r\n\r\n"));
        Arbitrary<byte[]> manyHeaders = Arbitraries.integers().between(400, 520)
                .map(n -> ascii("GET /plaintext HTTP/1.1\r\n" + "X-Fill: 12345678\r\n".repeat(n) + "\r\n"));
        Arbitrary<byte[]> longValue = Arbitraries.integers().between(7000, 20_000)
                .map(n -> ascii("GET /json HTTP/1.1\r\nX-Big: " + "v".repeat(n) + "\r\n\r\n"));
        return Arbitraries.oneOf(longTarget, manyHeaders, longValue);
    }

    /**
     * Content-Length values that are not a plain in-range number, alone, twice, or beside Transfer-Encoding; and
     * Transfer-Encoding alone.
     */
    static Arbitrary<byte[]> badLengths() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", "-1", "+5", " 5", "5 ", "0x10", "abc", "1e3", "5,5", "5 5",
                        "99999999999999999999", "9223372036854775807", "18446744073709551616", "1048576", "1048577",
                        "0000000000000000005", "\u00b9")),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)));
        Arbitrary<String> extra = Arbitraries.of("", "Content-Length: 5\r\n", "Content-Length: 0\r\n",
                "Transfer-Encoding: chunked\r\n", "transfer-encoding: identity\r\n");
        Arbitrary<String> body = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20);
        Arbitrary<String> length = Arbitraries.frequencyOf(
                Tuple.of(6, value.map(v -> "Content-Length: " + v + "\r\n")), Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(length, extra, body).as((l, e, b) ->
                ("POST /plaintext HTTP/1.1\r\nHost: test\r\n" + l + e + "\r\n" + b).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Random bytes, many of them ones a parser must treat with care, with or without a plausible start. */
    static Arbitrary<byte[]> noise() {
        return Arbitraries.randomValue(r -> {
            byte[] start = ascii(pick(r, NOISE_STARTS));
            byte[] b = Arrays.copyOf(start, start.length + r.nextInt(601));
            for (int i = start.length; i < b.length; i++) {
                b[i] = interestingByte(r);
            }
            return b;
        });
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The input as Java would write it, cut short when long: what a failure report needs to reproduce it. */
    public static String show(byte[] input) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < Math.min(input.length, 300); i++) {
            int c = input[i] & 0xff;
            switch (c) {
                case '\r' -> s.append("\\r");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '"', '\\' -> s.append('\\').append((char) c);
                default -> s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c));
            }
        }
        return s.append(input.length > 300 ? "\"... (" + input.length + " bytes)" : "\"").toString();
    }
}
