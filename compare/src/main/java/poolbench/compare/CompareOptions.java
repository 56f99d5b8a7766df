package poolbench.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code poolbench compare} was asked for.
 *
 * @param arms      the arms to run, in order
 * @param out       the run directory (raw/ and environment.json go in it)
 * @param pin       whether to pin server and load to separate CPUs
 * @param repo      the project's root, for the git commit and built binaries
 * @param terminal  whether progress may redraw a bar in place
 * @param gate      when a run counts: the quiet wait, the others' threshold, the attempts
 */
public record CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal,
                             Gate gate) {

    public CompareOptions(Suite suite, List<String> arms, Path out, boolean pin, Path repo, boolean terminal) {
        this(suite, arms, out, pin, repo, terminal, Gate.DEFAULTS);
    }
}
