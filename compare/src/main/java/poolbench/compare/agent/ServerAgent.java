package poolbench.compare.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where compare finds the server host's agent ({@code --server-agent http://HOST:PORT}) and the token it carries
 * ({@code --token-file}).
 */
public record ServerAgent(URI uri, AgentToken token) {

    /** Checks both in one line each: an http URL with a host and a port and no path, and a usable token file. */
    public static ServerAgent of(String url, Path tokenFile) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server-agent must be http://HOST:PORT, was '" + url + "'");
        }
        boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0 || !noPath
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--server-agent must be http://HOST:PORT (the address poolbench agent "
                    + "printed on the server host), was '" + url + "'");
        }
        if (tokenFile == null) {
            throw new IllegalArgumentException("--server-agent needs --token-file FILE, a file holding the token the "
                    + "agent printed at start");
        }
        return new ServerAgent(URI.create("http://" + uri.getRawAuthority()), AgentToken.read(tokenFile));
    }
}
