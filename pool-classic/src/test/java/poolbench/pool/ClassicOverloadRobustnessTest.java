package poolbench.pool;

import poolbench.server.OverloadSoakContractTest;

/** The overload soak on the {@code classic} arm (fasthttp's pool on platform threads). */
class ClassicOverloadRobustnessTest extends OverloadSoakContractTest {

    @Override
    protected String armName() {
        return "classic";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
