package poolbench.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import poolbench.report.run.KnownArms;

/**
 * The look every report chart shares: large enough type to read in a README, a white plot with light grid lines,
 * the legend outside the plot, and one colour per arm (Okabe–Ito, distinguishable with colour-blindness) that stays
 * the same across every chart.
 */
final class ChartStyle {

    static final int WIDTH = 1100;
    static final int HEIGHT = 620;

    private static final Map<String, Color> ARM_COLORS = Map.of(
            KnownArms.CLASSIC, new Color(0x00, 0x72, 0xB2),
            KnownArms.JDK_POOL, new Color(0x56, 0xB4, 0xE9),
            KnownArms.PER_CONNECTION, new Color(0xD5, 0x5E, 0x00),
            KnownArms.VIRTUAL, new Color(0x00, 0x9E, 0x73),
            KnownArms.VIRTUAL_POOLED, new Color(0xCC, 0x79, 0xA7),
            KnownArms.GO_FASTHTTP, new Color(0xE6, 0x9F, 0x00),
            KnownArms.GO_NETHTTP, new Color(0x33, 0x33, 0x33),
            KnownArms.HELIDON, new Color(0x88, 0x22, 0x55),
            KnownArms.JETTY_QTP, new Color(0x44, 0xAA, 0x99),
            KnownArms.JETTY_VIRTUAL, new Color(0x99, 0x99, 0x33));
    private static final Color[] OTHER_COLORS = {new Color(0x99, 0x99, 0x99), new Color(0x88, 0x55, 0x22),
            new Color(0x66, 0x66, 0xAA)};
    /** Colours for series that are not arms (e.g. JMH's one and two submitters). */
    static final Color[] SERIES_COLORS = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
            new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00)};

    /** Every line solid: XChart would otherwise dash the fifth series, which reads as a different kind of line. */
    static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** A second figure of the same arm on one chart (a p50 beside its p99): the same colour, dashed. */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {8f, 6f}, 0f);

    /** What the three spaces before a value label take up at the tick labels' size. */
    private static final int LABEL_LIFT_PIXELS = 14;

    static {
        // Charts are drawn into images, never onto a screen: servers and CI have no display.
        System.setProperty("java.awt.headless", "true");
    }

    private ChartStyle() {
    }

    static Color color(String arm) {
        Color c = ARM_COLORS.get(arm);
        return c != null ? c : OTHER_COLORS[Math.floorMod(arm.hashCode(), OTHER_COLORS.length)];
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        return titled(new XYChart(WIDTH, HEIGHT), title, xTitle, yTitle);
    }

    static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = titled(new CategoryChart(WIDTH, HEIGHT), title, xTitle, yTitle);
        chart.getStyler().setAvailableSpaceFill(0.8);
        return chart;
    }

    /**
     * Writes each bar's value above it, turned upright, in the y axis's number format {@code pattern}: the bars of
     * small values stay readable beside large ones. XChart anchors an upright label just inside the bar's top, so the
     * format starts with spaces that lift the digits clear of it; the y axis's tick labels share that format, and the
     * spaces would push them onto the axis, so the ticks get as much more padding. Leaves headroom above the tallest
     * bar.
     */
    static void valueLabels(CategoryChart chart, String pattern, double tallest) {
        chart.getStyler().setYAxisDecimalPattern("'   '" + pattern);
        chart.getStyler().setAxisTickPadding(chart.getStyler().getAxisTickPadding() + LABEL_LIFT_PIXELS);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsRotation(90);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (tallest > 0 && Double.isFinite(tallest)) {
            chart.getStyler().setYAxisMax(tallest * 1.18);
        }
    }

    private static <C extends Chart<? extends AxesChartStyler, ?>> C titled(C chart, String title, String xTitle,
                                                                         String yTitle) {
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        apply(chart.getStyler());
        return chart;
    }

    private static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xBB, 0xBB, 0xBB));
        s.setPlotGridLinesColor(new Color(0xE4, 0xE4, 0xE4));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setChartPadding(12);
        s.setPlotMargin(8);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
    }

    /** Writes the chart as PNG to {@code runDir/relative}; returns the file written. */
    static Path save(Chart<?, ?> chart, Path runDir, String relative) throws IOException {
        Path file = runDir.resolve(relative);
        Files.createDirectories(file.getParent());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
