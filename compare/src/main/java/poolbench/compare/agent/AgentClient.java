package poolbench.compare.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import poolbench.compare.agent.AgentProtocol.Refusal;

/**
 * compare's side of the wire: typed requests to one agent with its token, and one-line {@link IOException}s that
 * name the agent, for everything that can go wrong (it does not answer, it refuses, it answers nonsense).
 */
final class AgentClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A read of counters or a status: the agent answers within milliseconds, or it is lost. */
    static final Duration SHORT = Duration.ofSeconds(10);

    private final URI base;
    private final AgentToken token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    AgentClient(URI base, AgentToken token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    <T> T get(String path, Class<T> type, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).GET().build(), type);
    }

    <T> T post(String path, Object body, Class<T> type, Duration timeout) throws IOException, InterruptedException {
        byte[] json = AgentProtocol.STRICT.writeValueAsBytes(body);
        return send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), type);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization",
                token.authorization());
    }

    private <T> T send(HttpRequest request, Class<T> type) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new NoAnswer("the server agent at " + base + " does not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new IOException("the server agent at " + base + " refused the token (401): give --token-file the "
                    + "file holding the token it printed at start");
        }
        if (status != 200) {
            throw new IOException("the server agent at " + base + " answered " + status + " to "
                    + request.method() + " " + request.uri().getPath() + ": " + refusal(response.body()));
        }
        try {
            return AgentProtocol.LENIENT.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new IOException("the server agent at " + base + " answered " + request.uri().getPath()
                    + " with what is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** The agent did not answer at all: it is not running there, or the host or the network is gone. */
    static final class NoAnswer extends IOException {
        NoAnswer(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static String refusal(byte[] body) {
        try {
            return AgentProtocol.LENIENT.readValue(body, Refusal.class).error();
        } catch (IOException e) {
            return "(no reason given)";
        }
    }
}
