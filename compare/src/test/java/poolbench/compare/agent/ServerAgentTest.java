package poolbench.compare.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerAgentTest {

    @Test
    void anAgentIsAnHttpHostAndPortWithATokenFile(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef0123");
        assertEquals("http://10.0.0.1:7070", ServerAgent.of("http://10.0.0.1:7070/", token).uri().toString());
        for (String bad : new String[] {"10.0.0.1:7070", "https://10.0.0.1:7070", "http://10.0.0.1",
                "http://10.0.0.1:7070/servers", "http://u:p@10.0.0.1:7070", "http://10.0.0.1:7070?x=1", "http:// x"}) {
            String m = assertThrows(IllegalArgumentException.class, () -> ServerAgent.of(bad, token)).getMessage();
            assertTrue(m.startsWith("--server-agent must be http://HOST:PORT"), bad + ": " + m);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerAgent.of("http://10.0.0.1:7070", null))
                .getMessage().contains("needs --token-file"));
    }
}
