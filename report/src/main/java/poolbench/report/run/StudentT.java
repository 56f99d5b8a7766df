package poolbench.report.run;

/**
 * The 97.5th percentile of Student's t distribution, what a two-sided 95% t-interval needs: a table to 30 degrees of
 * freedom (the values every statistics textbook prints, to three decimals), then the Cornish–Fisher expansion around
 * the normal quantile, which is within 0.001 of the exact value from there on. No library for one number.
 */
final class StudentT {

    /** t(0.975; df) for df = 1..30; index 0 is unused. */
    private static final double[] TABLE = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
            2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
            2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    /** The standard normal's 97.5th percentile. */
    private static final double Z = 1.959963984540054;

    private StudentT() {
    }

    /** t(0.975; df): the half-width of a 95% interval in standard errors. */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("a t quantile needs at least one degree of freedom, was "
                    + degreesOfFreedom);
        }
        if (degreesOfFreedom < TABLE.length) {
            return TABLE[degreesOfFreedom];
        }
        double n = degreesOfFreedom;
        double z3 = Z * Z * Z;
        double z5 = z3 * Z * Z;
        double z7 = z5 * Z * Z;
        return Z + (z3 + Z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * n * n)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * Z) / (384 * n * n * n);
    }
}
