package poolbench.server.spi;

/**
 * An arm whose name and description are fixed when it is made, so that its class says only how it differs from
 * its siblings: the model's kind of thread, and what its description adds.
 */
public abstract class NamedArm implements Arm {

    private final String name;
    private final String description;

    protected NamedArm(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
