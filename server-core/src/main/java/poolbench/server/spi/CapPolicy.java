package poolbench.server.spi;

import java.util.OptionalInt;

/**
 * Whether an arm caps the connections it serves at once at {@link ArmOptions#concurrency()}, refusing the rest
 * with fasthttp's 503. The pools always do (at fasthttp's default unless told); a thread per connection may or may
 * not, and that choice is the one difference between its arms besides the kind of thread.
 */
public enum CapPolicy {

    /** {@code --concurrency} caps the connections served at once; a thread per connection has no cap without it. */
    HONOURS_CAP("no cap unless concurrency is given (then a Semaphore)"),

    /** {@code --concurrency} is ignored: every connection gets its thread, none is refused while the arm is open. */
    NO_CAP("no cap");

    private final String words;

    CapPolicy(String words) {
        this.words = words;
    }

    /** The cap a thread-per-connection dispatcher gets from {@code options}; empty for none. */
    public OptionalInt capFor(ArmOptions options) {
        return this == HONOURS_CAP ? options.concurrency() : OptionalInt.empty();
    }

    /** What a thread-per-connection arm's description says of its cap. */
    String threadPerConnectionWords() {
        return words;
    }
}
