package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import poolbench.server.http.HttpDates;
import poolbench.server.testing.TestHttp;

/**
 * {@link ArmContractTest} for production servers, which hold to RFC 9112 where server-core is lenient: an HTTP/1.1
 * request without {@code Host} is answered 400 (§3.2 says a server MUST; Jetty cannot be told otherwise). The
 * three tests below whose raw requests carry no Host are the contract's own with a Host line added; every other
 * test runs unchanged. It sits in this package because the contract's test methods are package-private.
 */
public abstract class ProductionServerContractTest extends ArmContractTest {

    /** A production server's Date is its own format: any HTTP-date of now (Helidon drops the day's zero). */
    @Override
    protected void assertDate(String value) {
        HttpDates.assertHttpDateOfNow(value);
    }

    /** The status for a header section over the limit: 431, but Helidon 4 can only answer 400. */
    protected int headersTooLargeStatus() {
        return 431;
    }

    /** Whether the server answers HTTP/1.0 requests; Helidon 4 answers 505 instead. */
    protected boolean servesHttp10() {
        return true;
    }

    /** Why {@link #servesHttp10()} is false, for the skipped test's report. */
    protected String whyNoHttp10() {
        return "";
    }

    @Test
    @Override
    void unknownPathIs404AndOtherMethodsAre405() throws IOException {
        int port = start().port();
        assertEquals(404, TestHttp.get(port, "/nope").status());
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send("POST /plaintext HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello")
                    .read();
            assertEquals(405, r.status());
            assertEquals("GET, HEAD", r.header("Allow"));
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
        }
    }

    @Test
    @Override
    void oversizedRequestsGet414431And413() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(414, c.send("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: test\r\n\r\n").read().status());
        }
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(headersTooLargeStatus(), c.send("GET / HTTP/1.1\r\nHost: test\r\n" + "X-Long: abcdefgh\r\n".repeat(600)
                    + "\r\n").read().status());
        }
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(413, c.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 2000000\r\n\r\n").read()
                    .status());
        }
    }

    @Test
    @Override
    void http10ClosesByDefaultAndKeepsAliveWhenAsked() throws IOException {
        assumeTrue(servesHttp10(), this::whyNoHttp10);
        super.http10ClosesByDefaultAndKeepsAliveWhenAsked();
    }
}
