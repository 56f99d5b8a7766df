package poolbench.bench.jmh;

import java.nio.charset.StandardCharsets;

/** The request heads the parse and loopback suites send, encoded once. */
public enum RequestShape {

    /** What wrk sends in TechEmpower's plaintext test: the head every HTTP benchmark number is quoted for. */
    PLAINTEXT("GET /plaintext HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "Accept: text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\r\n"
            + "Connection: keep-alive\r\n"
            + "\r\n"),

    /**
     * What a browser sends for the same page, about 500 bytes of headers: a parser that is fast only on tiny heads would be
     * slow on real traffic, since every header is scanned for CRLF and checked byte by byte.
     */
    BROWSER("GET /plaintext HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\n"
            + "Connection: keep-alive\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8\r\n"
            + "Accept-Language: en-US,en;q=0.9,de;q=0.8\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Sec-Fetch-Dest: document\r\n"
            + "Sec-Fetch-Mode: navigate\r\n"
            + "Cookie: session=8f14e45fceea167a5a36dedd4bea2543; _ga=GA1.1.1357924680.1732700000; "
            + "theme=dark; consent=analytics%3Dno\r\n"
            + "\r\n");

    private final byte[] head;

    RequestShape(String head) {
        this.head = head.getBytes(StandardCharsets.US_ASCII);
    }

    /** The encoded head; callers must not modify it. */
    byte[] bytes() {
        return head;
    }

    /** The same head asking the server to close after answering: a request on a connection of its own. */
    byte[] closingBytes() {
        String text = new String(head, StandardCharsets.US_ASCII);
        return text.replace("Connection: keep-alive\r\n", "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
