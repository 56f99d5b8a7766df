package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import poolbench.compare.agent.AgentServer;
import poolbench.compare.agent.AgentToken;

/**
 * What the two-host options answer when they cannot be used: one line naming the fix and exit code 2, before
 * anything runs, never a stack trace.
 */
@Timeout(60)
class AgentCommandTest {

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return new Result(cli.execute(args), err.toString());
    }

    private static void assertOneLine(Result r, String start) {
        assertEquals(Main.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("poolbench: " + start), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    }

    @Test
    void anUnusableTokenFileIsOneLineForTheAgentAndForCompare(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing");
        assertOneLine(run("agent", "--port", "0", "--token-file", missing.toString()),
                "cannot read the token file " + missing);
        Path empty = Files.writeString(dir.resolve("empty"), "");
        assertOneLine(run("compare", "--server-agent", "http://127.0.0.1:7070", "--token-file", empty.toString()),
                "the token file " + empty + " is empty");
    }

    @Test
    void theTwoHostOptionsGoTogether(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), AgentToken.generate().reveal());
        assertOneLine(run("compare", "--token-file", token.toString()), "--token-file is the token of --server-agent");
        assertOneLine(run("compare", "--server-agent", "http://127.0.0.1:7070"), "--server-agent needs --token-file");
        assertOneLine(run("compare", "--server-agent", "127.0.0.1:7070", "--token-file", token.toString()),
                "--server-agent must be http://HOST:PORT");
    }

    @Test
    void anAgentThatDoesNotAnswerOrRefusesTheTokenEndsCompareInOneLine(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path token = Files.writeString(dir.resolve("token"), AgentToken.generate().reveal());
        PrintStream stdout = System.out;
        try (AgentServer agent = AgentServer.start(new InetSocketAddress("127.0.0.1", 0), AgentToken.generate(),
                Launcher.home(), new PrintStream(java.io.OutputStream.nullOutputStream()))) {
            System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
            assertOneLine(run("compare", "--suite", "smoke", "--out", dir.resolve("a").toString(), "--server-agent",
                    "http://127.0.0.1:" + closed, "--token-file", token.toString()),
                    "the server agent at http://127.0.0.1:" + closed + " does not answer (ConnectException");
            assertOneLine(run("compare", "--suite", "smoke", "--out", dir.resolve("b").toString(), "--server-agent",
                    agent.url(), "--token-file", token.toString()),
                    "the server agent at " + agent.url() + " refused the token (401): give --token-file the file "
                            + "holding the token it printed at start");
        } finally {
            System.setOut(stdout);
        }
        assertTrue(Files.notExists(dir.resolve("a").resolve("environment.json")), "nothing ran");
    }

    @Test
    void anAgentOnAnAddressThatIsNotThisMachinesIsOneLine() {
        assertOneLine(run("agent", "--host", "192.0.2.1", "--port", "0"), "cannot bind 192.0.2.1:0");
    }
}
