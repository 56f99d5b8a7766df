package poolbench.compare.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import poolbench.server.stats.StatsSnapshot;

/** Reads a server's stats endpoint. */
public final class StatsClient {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest request;

    public StatsClient(String host, int adminPort) {
        this.request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + adminPort + "/stats"))
                .timeout(Duration.ofSeconds(5)).build();
    }

    public StatsSnapshot read() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("stats endpoint answered " + r.statusCode());
        }
        return JSON.readValue(r.body(), StatsSnapshot.class);
    }
}
