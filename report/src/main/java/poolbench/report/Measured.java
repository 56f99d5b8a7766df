package poolbench.report;

import java.util.function.DoubleFunction;

/**
 * One repeat's figure behind a claim, and the counts it came from, e.g. {@code 2.31} from
 * {@code "9,812 ÷ 4,250"}.
 */
record Measured(int connections, int repeat, double value, String detail) {

    static Measured of(RepeatRatio r, DoubleFunction<String> format) {
        return new Measured(r.connections(), r.repeat(), r.ratio(),
                format.apply(r.numerator()) + " ÷ " + format.apply(r.denominator()));
    }

    /** "c16 r2". */
    String where() {
        return "c" + connections + " r" + repeat;
    }
}
