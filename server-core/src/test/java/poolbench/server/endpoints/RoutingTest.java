package poolbench.server.endpoints;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poolbench.server.http.Request;
import poolbench.server.http.RequestParser;
import poolbench.server.http.ResponseWriter;

/** Requests are routed by their whole path: a path as long as a route's, differing in any byte, is no route. */
class RoutingTest {

    /** The status line {@link Endpoints#respond} answers a GET of {@code path} with. */
    private static String statusLineFor(String path) throws IOException {
        byte[] in = ("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Request req = new Request();
        assertTrue(new RequestParser(1024, 1024, 0).parse(in, 0, in.length, req) > 0, path);
        ResponseWriter out = new ResponseWriter(1024);
        Endpoints.respond(in, req, out, OutputStream.nullOutputStream());
        String response = new String(out.buffer(), 0, out.pending(), StandardCharsets.US_ASCII);
        return response.substring(0, response.indexOf("\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/plaintext", "/json", "/sleep?ms=0", "/cpu?work=1"})
    void eachRouteIsFound(String path) throws IOException {
        String line = statusLineFor(path);
        assertTrue(line.equals("HTTP/1.1 200 OK"), path + " answered " + line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/plaintexT", "/plainText", "/Plaintext", "/qlaintext", "/jsoN", "/sleeq?ms=0", "/cpv?work=1",
            "/downstreaN", "/dc", "/plaintext/", "/plaintex"})
    void aPathOfARoutesLengthThatDiffersInOneByteIsNotFound(String path) throws IOException {
        String line = statusLineFor(path);
        assertTrue(line.equals("HTTP/1.1 404 Not Found"), path + " answered " + line);
    }
}
