package poolbench.references;

import poolbench.server.ProductionServerContractTest;

class HelidonContractTest extends ProductionServerContractTest {

    @Override
    protected String armName() {
        return "helidon";
    }

    /** Helidon's maxTcpConnections stops accepting at the cap, so connections wait in the backlog instead of getting fasthttp's 503. */
    @Override
    protected boolean capped() {
        return false;
    }

    /** Helidon's header parser fails with an IllegalStateException that Helidon maps to 400, with no option. */
    @Override
    protected int headersTooLargeStatus() {
        return 400;
    }

    @Override
    protected boolean servesHttp10() {
        return false;
    }

    @Override
    protected String whyNoHttp10() {
        return "Helidon 4 serves HTTP/1.1 only: it answers an HTTP/1.0 request 505 HTTP Version Not Supported";
    }
}
