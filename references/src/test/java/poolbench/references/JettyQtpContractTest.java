package poolbench.references;

import poolbench.server.contract.ProductionServerContractTest;

class JettyQtpContractTest extends ProductionServerContractTest {

    @Override
    protected String armName() {
        return "jetty-qtp";
    }

    /** Jetty queues requests beyond its max threads instead of refusing the connection with fasthttp's 503. */
    @Override
    protected boolean capped() {
        return false;
    }
}
