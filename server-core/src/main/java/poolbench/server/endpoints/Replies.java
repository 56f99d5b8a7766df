package poolbench.server.endpoints;

import java.util.Locale;

import poolbench.server.http.ResponseWriter;
import poolbench.server.http.ResponseWriter.Status;

/**
 * What each endpoint answers, defined once: the status, content type and body of every fixed reply, and the
 * messages of its refusals. {@link Endpoints} writes these bytes, and the reference servers (Jetty, Helidon) answer
 * with the same ones, so that what differs between them is how they serve, never what.
 */
public final class Replies {

    /** A content type, its bytes encoded once. */
    public enum ContentType {
        TEXT_PLAIN("text/plain"),
        APPLICATION_JSON("application/json");

        private final String value;
        private final byte[] bytes;

        ContentType(String value) {
            this.value = value;
            this.bytes = ResponseWriter.ascii(value);
        }

        /** The header's value, e.g. {@code text/plain}. */
        public String value() {
            return value;
        }

        /** The same as bytes, shared by every caller: not to be modified. */
        public byte[] bytes() {
            return bytes;
        }
    }

    /**
     * One answer.
     *
     * @param body shared by every caller: not to be modified
     */
    public record Reply(Status status, ContentType contentType, byte[] body) {
    }

    /** {@code /plaintext}, and {@code /sleep} once it has slept: TechEmpower's plaintext body. */
    public static final Reply PLAINTEXT = text(Status.OK, "Hello, World!");
    /** {@code /json}, pre-encoded: what is studied is the dispatch, not a JSON library. */
    public static final Reply JSON =
            new Reply(Status.OK, ContentType.APPLICATION_JSON, ResponseWriter.ascii("{\"message\":\"Hello, World!\"}"));
    public static final Reply NOT_FOUND = text(Status.NOT_FOUND, "Not Found");
    /** A method the server knows that no endpoint serves (the writer adds {@code Allow: GET, HEAD}). */
    public static final Reply METHOD_NOT_ALLOWED = text(Status.METHOD_NOT_ALLOWED, "Method Not Allowed");
    /** A method the server does not recognise. */
    public static final Reply NOT_IMPLEMENTED = text(Status.NOT_IMPLEMENTED, "Not Implemented");
    /** {@code /sleep} or {@code /downstream} without a usable {@code ms}. */
    public static final Reply BAD_SLEEP =
            text(Status.BAD_REQUEST, "ms must be an integer from 0 to " + Endpoints.MAX_SLEEP_MS);
    /** {@code /cpu} without a usable {@code work}. */
    public static final Reply BAD_WORK =
            text(Status.BAD_REQUEST, "work must be an integer from 0 to " + Endpoints.MAX_WORK);
    /** {@code /downstream} on a server started without a backend. */
    public static final Reply NO_DOWNSTREAM = text(Status.SERVICE_UNAVAILABLE,
            "no downstream backend configured (serve --downstream host:port)");
    /** {@code /db} on a server started without a database. */
    public static final Reply NO_DATABASE = text(Status.SERVICE_UNAVAILABLE,
            "no database configured (serve --db-url jdbc:postgresql://...)");

    private Replies() {
    }

    /** {@code /cpu}'s answer: the work's result in hexadecimal. */
    public static Reply cpu(long result) {
        return text(Status.OK, Long.toHexString(result));
    }

    /**
     * The answer to a request refused with {@code status} (by the parser, a limit, or a timeout), before the
     * connection closes: the status's name in lower case, e.g. {@code uri too long}.
     */
    public static Reply refusal(Status status) {
        return text(status, status.name().replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    private static Reply text(Status status, String body) {
        return new Reply(status, ContentType.TEXT_PLAIN, ResponseWriter.ascii(body));
    }
}
