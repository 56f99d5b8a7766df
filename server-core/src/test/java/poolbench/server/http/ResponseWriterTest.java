package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseWriterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 13, 1023, 1024, 5000})
    void contentLengthIsTheBodysLengthBelowAndAboveTheEncodedTable(int length) throws IOException {
        ResponseWriter writer = new ResponseWriter(16 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
        writer.write(ResponseWriter.Status.OK, ResponseWriter.ascii("text/plain"), body, length,
                ResponseWriter.Connection.CLOSE, out);
        writer.flush(out);
        String response = out.toString(StandardCharsets.US_ASCII);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\r\nContent-Length: " + length + "\r\n"), response);
        assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        assertEquals(length, response.length() - response.indexOf("\r\n\r\n") - 4);
    }
}
