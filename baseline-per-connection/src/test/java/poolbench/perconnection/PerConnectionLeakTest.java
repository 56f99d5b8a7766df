package poolbench.perconnection;

import poolbench.server.ConnectionLeakContractTest;

/** The leak contract on the {@code per-connection} arm (a new platform thread per connection, uncapped). */
class PerConnectionLeakTest extends ConnectionLeakContractTest {

    @Override
    protected String armName() {
        return "per-connection";
    }
}
