package poolbench.report.documents;

import java.util.ArrayList;
import java.util.List;

import poolbench.report.claims.ClaimResult;
import poolbench.report.claims.PointVerdict;
import poolbench.report.claims.Series;
import poolbench.report.run.LaunchRatio;
import poolbench.report.run.Numbers;

/**
 * The claims as tables, the same in CLAIMS.md, the run's README and the suggested headline: the demonstrations first
 * (shown or not shown, with their figures), then the measured claims (a verdict each); and one claim's series, a
 * row per operating point with its interval over launches and its A/A interval.
 */
final class ClaimTables {

    private ClaimTables() {
    }

    /**
     * "Shown by the port" and "Measured" tables.
     *
     * @param linkPrefix where a claim's section is ({@code "#"} in CLAIMS.md, {@code "CLAIMS.md#"} elsewhere); null
     *                   for plain text
     */
    static void summary(Markdown md, List<ClaimResult> claims, String linkPrefix, int headingLevel) {
        md.heading(headingLevel, "Shown by the port");
        md.paragraph("What the port demonstrates of fasthttp's behaviour: the data cannot turn these around, so they "
                + "are shown or not shown, with their figures, and carry no verdict.");
        md.table(List.of("#", "claim", "result", "figures"), rows(claims.stream().filter(ClaimResult::demonstration)
                .toList(), linkPrefix));
        md.heading(headingLevel, "Measured");
        md.paragraph("Decided on the comparisons, a verdict per operating point, each with its 95% interval over "
                + "launches and its A/A interval; the claim is confirmed or refuted when its points agree.");
        md.table(List.of("#", "claim", "verdict", "measured"), rows(claims.stream().filter(c -> !c.demonstration())
                .toList(), linkPrefix));
    }

    private static List<List<String>> rows(List<ClaimResult> claims, String linkPrefix) {
        return claims.stream().map(c -> List.of(Integer.toString(c.number()),
                linkPrefix == null ? c.claim() : Markdown.link(c.claim(), linkPrefix + ClaimsDocument.anchor(c)),
                "**" + c.verdict().word() + "**", c.headline())).toList();
    }

    /** One series: a row per operating point, then the launches behind each ratio. */
    static void series(Markdown md, Series s, boolean decides) {
        md.paragraph("**" + s.label() + "**" + (decides ? " (decides): " + s.verdict().word() : " (shown, does not "
                + "decide)") + ".");
        List<List<String>> rows = new ArrayList<>();
        for (PointVerdict p : s.points()) {
            rows.add(List.of(p.point().text(), Integer.toString(p.effect().launches()),
                    Numbers.ratio(p.geometricMean()), p.effect().interval().text(Numbers::ratio),
                    p.aa() == null ? "no A/A arm" : p.aa().interval().text(Numbers::ratio),
                    p.judged().text(Numbers::ratio), "**" + p.verdict().word() + "**"));
        }
        md.table(List.of("operating point", "launches", "geometric mean", "95% interval", "A/A 95% interval",
                "judged interval", "verdict"), rows);
        for (PointVerdict p : s.points()) {
            md.bullet(p.point().shortText() + ": " + p.reason() + ".");
            p.gaps().forEach(g -> md.bullet(p.point().shortText() + ", no value: " + g));
        }
        List<List<String>> launches = new ArrayList<>();
        for (PointVerdict p : s.points()) {
            for (LaunchRatio.Pair pair : p.effect().pairs()) {
                launches.add(List.of(p.point().shortText(), Integer.toString(pair.launch()),
                        Numbers.human(pair.numerator()), Numbers.human(pair.denominator()),
                        Numbers.ratio(pair.ratio())));
            }
        }
        if (!launches.isEmpty()) {
            md.table(List.of("operating point", "launch", s.decision().numerator(), s.decision().denominator(),
                    "ratio"), launches);
        }
    }
}
