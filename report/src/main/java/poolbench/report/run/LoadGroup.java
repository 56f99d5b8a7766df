package poolbench.report.run;

import java.util.function.Function;

import poolbench.compare.record.Window;
import poolbench.loadgen.LoadResult;

/**
 * Which of a window's load groups a figure is read from: the measured group (for the mixed workload, the light
 * requests on connections established before the heavy group started), the new connections opened during a mixed
 * window (each timed from its connect to its first response), or the heavy group itself.
 */
public enum LoadGroup {
    MEASURED("light requests on established connections", Window::load),
    FRESH("new connections' first requests", Window::fresh),
    HEAVY("the heavy group", Window::heavy);

    private final String meaning;
    private final Function<Window, LoadResult> read;

    LoadGroup(String meaning, Function<Window, LoadResult> read) {
        this.meaning = meaning;
        this.read = read;
    }

    /** What the group is, for a mixed window (the measured group is a ladder's only one). */
    public String meaning() {
        return meaning;
    }

    /** The group's result in {@code w}; null when the window had none. */
    LoadResult of(Window w) {
        return read.apply(w);
    }
}
