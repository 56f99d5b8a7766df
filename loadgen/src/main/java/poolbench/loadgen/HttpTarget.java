package poolbench.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Where the load goes: the host and port to connect to and the request target to send, from an
 * {@code http://} URL. Validation messages name the fix, since they are shown to people as they are.
 */
record HttpTarget(String host, int port, String pathAndQuery) {

    static HttpTarget parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("missing URL; give one like http://127.0.0.1:8080/plaintext");
        }
        if (!url.contains("://")) {
            throw new IllegalArgumentException("URL '" + url + "' has no scheme; write it as http://" + url.strip());
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + url + "' (" + e.getReason()
                    + "); give one like http://127.0.0.1:8080/plaintext");
        }
        String scheme = uri.getScheme();
        if (scheme.equalsIgnoreCase("https")) {
            throw new IllegalArgumentException("https is not supported (the load generator speaks plain HTTP/1.1); use an http:// URL");
        }
        if (!scheme.equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("unsupported scheme '" + scheme + "' in '" + url + "'; use an http:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL '" + url + "' has no host; give one like http://127.0.0.1:8080/plaintext");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URL '" + url + "' has user info, which is not supported; remove the part before @");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new HttpTarget(uri.getHost(), port, path + query);
    }

    /** The value of the Host header: the port is omitted when it is the default. */
    String hostHeader() {
        return port == 80 ? host : host + ":" + port;
    }

    InetSocketAddress resolve() {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            return new InetSocketAddress(InetAddress.getByName(bare), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "'; check the URL");
        }
    }

    /** The GET request every connection sends, encoded once. */
    byte[] requestBytes(boolean closeEachRequest) {
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: " + hostHeader() + "\r\n"
                + (closeEachRequest ? "Connection: close\r\n" : "")
                + "\r\n";
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }
}
