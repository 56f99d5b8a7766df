package poolbench.loadgen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How many errors a load run may have and still count as answered. A run that got no response at all has failed,
 * whatever the budget; any other has failed when the share of its attempts that failed is above {@link #maxShare}.
 * An attempt is a request that was answered or lost, or a connect that failed; it failed when it was lost (read,
 * write, timeout, parse), answered with a status other than 2xx or 3xx, or a failed connect.
 * {@link #nothingAnswered} and {@link #overBudget} say why a run failed, in one line that names the causes.
 *
 * @param maxShare the largest share of failed attempts allowed, 0 to 1
 */
public record ErrorBudget(double maxShare) {

    /** At most one attempt in a hundred may fail. */
    public static final ErrorBudget DEFAULT = new ErrorBudget(0.01);
    /** How many causes the line names, the most frequent first. */
    private static final int CAUSES_NAMED = 3;

    public ErrorBudget {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("--max-errors must be a percentage from 0% to 100%, e.g. 1% (got "
                    + percent(maxShare) + ")");
        }
    }

    /** A percentage, with or without its sign: {@code 1%}, {@code 0.5%}, {@code 5}. */
    public static ErrorBudget parse(String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        double percent;
        try {
            percent = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-errors takes a percentage, e.g. 1% or 0.5% (got '" + text + "')");
        }
        return new ErrorBudget(percent / 100);
    }

    /** When {@code result} got no response at all, where and why ("nothing answered at host:port: causes"). */
    public static Optional<String> nothingAnswered(LoadResult result) {
        if (result.requests() > 0) {
            return Optional.empty();
        }
        List<String> causes = causes(result);
        HttpTarget target = HttpTarget.parse(result.config().url());
        return Optional.of("nothing answered at " + target.host() + ":" + target.port()
                + (causes.isEmpty() ? " (no request was sent)" : ": " + String.join(", ", causes)));
    }

    /**
     * When {@code result} got responses but more of its attempts failed than this budget allows, how many and why;
     * empty within the budget, and for a run with no response (see {@link #nothingAnswered}).
     */
    public Optional<String> overBudget(LoadResult result) {
        LoadResult.Errors e = result.errors();
        long failed = e.lostRequests() + e.status() + e.connect();
        long attempts = result.requests() + e.lostRequests() + e.connect();
        if (result.requests() == 0 || (double) failed / attempts <= maxShare) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%,d of %,d attempts failed (%s: %s), more than the %s allowed",
                failed, attempts, percent((double) failed / attempts), String.join(", ", causes(result)), this));
    }

    /** The budget as a percentage, as {@link #parse} reads it: {@code 1%}. */
    @Override
    public String toString() {
        return percent(maxShare);
    }

    /** The errors' causes and the failing status classes, the most frequent first, as "cause ×count". */
    private static List<String> causes(LoadResult result) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(result.errorCauses().entrySet());
        LoadResult.StatusClasses s = result.statusClasses();
        addStatus(all, "1xx", s.informational());
        addStatus(all, "4xx", s.clientError());
        addStatus(all, "5xx", s.serverError());
        addStatus(all, "status outside 1xx-5xx", s.other());
        all.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(CAUSES_NAMED, all.size()); i++) {
            named.add(String.format(Locale.ROOT, "%s ×%,d", all.get(i).getKey(), all.get(i).getValue()));
        }
        if (all.size() > CAUSES_NAMED) {
            named.add((all.size() - CAUSES_NAMED) + " more causes");
        }
        return named;
    }

    private static void addStatus(List<Map.Entry<String, Long>> all, String statusClass, long count) {
        if (count > 0) {
            all.add(Map.entry(statusClass, count));
        }
    }

    /** {@code 0.01} as {@code 1%}, {@code 0.0125} as {@code 1.25%}: two decimals at most, none that are zeros. */
    private static String percent(double share) {
        if (!Double.isFinite(share)) {
            return String.valueOf(share);
        }
        return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }
}
