package poolbench.pool;

import poolbench.server.ConnectionLeakContractTest;

/** The leak contract on the {@code classic} arm (fasthttp's pool on platform threads). */
class ClassicLeakTest extends ConnectionLeakContractTest {

    @Override
    protected String armName() {
        return "classic";
    }
}
