package poolbench.pool;

import poolbench.server.HostileClientContractTest;

/** The hostile-client contract on the {@code classic} arm (fasthttp's pool on platform threads). */
class ClassicRobustnessTest extends HostileClientContractTest {

    @Override
    protected String armName() {
        return "classic";
    }
}
