package poolbench.report;

/**
 * One arm's figure over another's in the same repeat at the same connection count.
 *
 * @param numerator   the first arm's figure
 * @param denominator the second arm's; a ratio over zero is not a number and decides nothing
 */
record RepeatRatio(int connections, int repeat, double numerator, double denominator) {

    double ratio() {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
