package poolbench.server.contract;

import poolbench.server.accept.Arms;
import poolbench.server.spi.Arm;

/**
 * The arm a test runs on, and what it is: either handed over by the {@link ArmSuite} that runs a contract on every
 * arm, or named by a test of one arm's own, which overrides {@link #armName()} (and {@link #arm()} where the arm is
 * not found by name). One home for it, so each of the suite's groups only passes the suite on.
 */
public abstract class ArmSubject {

    /** The suite running this contract; null for a test that names its arm itself. */
    private final ArmSuite suite;

    protected ArmSubject() {
        this(null);
    }

    protected ArmSubject(ArmSuite suite) {
        this.suite = suite;
    }

    /** The arm's name, as {@code poolbench serve --arm} takes it. */
    protected String armName() {
        return suite().armName();
    }

    /** The arm under test: found by name, as {@code poolbench serve} finds it. */
    protected Arm arm() {
        return suite == null ? Arms.require(armName()) : suite.arm();
    }

    /** Whether the arm refuses connections beyond {@code concurrency} (then with fasthttp's 503). */
    protected boolean capped() {
        return suite().capped();
    }

    /** Whether the arm serves on virtual threads (else platform threads). */
    protected boolean virtualThreads() {
        return suite().virtualThreads();
    }

    /** Whether a worker outlives its connection and serves the next (else a new thread per connection). */
    protected boolean pooled() {
        return suite().pooled();
    }

    private ArmSuite suite() {
        if (suite == null) {
            throw new IllegalStateException(getClass().getName() + " runs outside an ArmSuite and must say which arm");
        }
        return suite;
    }
}
