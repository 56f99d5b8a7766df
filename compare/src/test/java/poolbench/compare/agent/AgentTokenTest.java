package poolbench.compare.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTokenTest {

    @Test
    void onlyTheBearerOfTheSameTokenMatches() {
        AgentToken token = AgentToken.of("s3cret-token-of-32-characters-xx", "test");
        assertTrue(token.matches("Bearer s3cret-token-of-32-characters-xx"));
        assertTrue(token.matches("bearer s3cret-token-of-32-characters-xx"), "the scheme is case-insensitive");
        assertFalse(token.matches(null), "no header");
        assertFalse(token.matches("Bearer "), "an empty token");
        assertFalse(token.matches("Bearer s3cret-token-of-32-characters-x"), "a prefix of it");
        assertFalse(token.matches("Bearer s3cret-token-of-32-characters-xxy"), "it and more");
        assertFalse(token.matches("Basic s3cret-token-of-32-characters-xx"), "another scheme");
        assertFalse(token.matches("s3cret-token-of-32-characters-xx"), "no scheme");
    }

    @Test
    void aGeneratedTokenIsNewEachTimeAndNeverPrintedByToString() {
        AgentToken a = AgentToken.generate();
        AgentToken b = AgentToken.generate();
        assertEquals(32, a.reveal().length());
        assertNotEquals(a.reveal(), b.reveal());
        assertTrue(a.matches(a.authorization()));
        assertFalse(a.toString().contains(a.reveal()));
    }

    @Test
    void aTokenFileIsReadWithoutItsNewline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  0123456789abcdef0123\n");
        assertTrue(AgentToken.read(file).matches("Bearer 0123456789abcdef0123"));
    }

    @Test
    void anUnusableTokenFileIsOneLineNamingTheFix(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing");
        String unreadable = assertThrows(IllegalArgumentException.class, () -> AgentToken.read(missing)).getMessage();
        assertTrue(unreadable.startsWith("cannot read the token file " + missing), unreadable);
        assertTrue(unreadable.contains("--token-file"), unreadable);

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentToken.read(empty)).getMessage()
                .contains("is empty; write into it the token the agent printed"));

        Path shortToken = Files.writeString(dir.resolve("short"), "abc");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentToken.read(shortToken)).getMessage()
                .contains("at least " + AgentToken.MIN_LENGTH));

        Path twoWords = Files.writeString(dir.resolve("two"), "0123456789abcdef 0123456789abcdef");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentToken.read(twoWords)).getMessage()
                .contains("without spaces"));
        for (Path p : new Path[] {missing, empty, shortToken, twoWords}) {
            String m = assertThrows(IllegalArgumentException.class, () -> AgentToken.read(p)).getMessage();
            assertFalse(m.contains("\n"), "one line: " + m);
        }
    }
}
