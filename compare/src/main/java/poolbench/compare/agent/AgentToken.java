package poolbench.compare.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every request to an agent carries ({@code Authorization: Bearer TOKEN}). The agent prints a new one at
 * start or reads it from a file; compare reads it from a file, never from its command line (which other users of
 * the machine can read in {@code /proc}).
 *
 * <p>A presented token is compared through SHA-256 digests with {@link MessageDigest#isEqual}: constant-time for
 * digests of equal length, and every digest has the same length, so the time taken tells neither the token's
 * length nor how much of a guess was right.
 */
public final class AgentToken {

    /** Shorter tokens are refused: 16 characters of the printed alphabet are 96 bits. */
    public static final int MIN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    private final String value;
    private final byte[] digest;

    private AgentToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /** A new token: 24 random bytes, 32 characters of base64url. */
    public static AgentToken generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new AgentToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token in {@code file}, surrounding whitespace ignored; an unusable one is a one-line exception. */
    public static AgentToken read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the token file " + file + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); give --token-file a readable file holding the agent's token");
        }
        return of(text, "the token file " + file);
    }

    /** {@code text} as a token; {@code source} names where it came from in the one-line error. */
    static AgentToken of(String text, String source) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty; write into it the token the agent printed at "
                    + "start");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(source + " must hold one token of printable ASCII without spaces");
        }
        if (text.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(source + " holds " + text.length() + " characters; a token has at least "
                    + MIN_LENGTH + " (the agent prints one of 32 when started without --token-file)");
        }
        return new AgentToken(text);
    }

    /** Whether an {@code Authorization} header carries this token; null (no header) never does. */
    public boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(BEARER.length()).strip()));
    }

    /** The {@code Authorization} header's value. */
    public String authorization() {
        return BEARER + value;
    }

    /** The token itself, for the agent to print once at start. */
    public String reveal() {
        return value;
    }

    /** Never the token: an options record or a log line that prints this must not leak it. */
    @Override
    public String toString() {
        return "AgentToken[hidden]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
