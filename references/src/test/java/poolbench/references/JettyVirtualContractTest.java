package poolbench.references;

import poolbench.server.contract.ProductionServerContractTest;

class JettyVirtualContractTest extends ProductionServerContractTest {

    @Override
    protected String armName() {
        return "jetty-virtual";
    }

    /** Jetty's VirtualThreadPool makes tasks over the cap wait for a permit instead of refusing with fasthttp's 503. */
    @Override
    protected boolean capped() {
        return false;
    }
}
