package org.galley.bench.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * {@code result.svg}: the run at a glance, as a plain SVG bar chart (no library, no script, no fonts fetched).
 * Left, throughput: the pass-through ceiling, Galley's replay and Hugo's build, per second. Right, latency under
 * load: p50, p95, p99 and the maximum, with the 200 ms goal for p99 as a dashed line.
 */
final class SvgChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 420;

    private static final int PLOT_TOP = 90;
    private static final int PLOT_BOTTOM = 340;
    private static final String INK = "#1a1a1a";
    private static final String MUTED = "#8a8a8a";
    private static final String ACCENT = "#c8102e";

    /** One bar: its label, its value (null for "not measured") and its colour. */
    record Bar(String label, Double value, String colour) {
    }

    private SvgChart() {
    }

    static String render(BenchResult result) {
        List<Bar> throughput = List.of(
                new Bar("ceiling", result.ceilingPerSec(), MUTED),
                new Bar("Galley", result.galleyPerSec(), ACCENT),
                new Bar("Hugo", result.hugoPerSec(), MUTED));
        List<Bar> latency = List.of(
                new Bar("p50", result.latencyP50Ms(), INK),
                new Bar("p95", result.latencyP95Ms(), INK),
                new Bar("p99", result.latencyP99Ms(), ACCENT),
                new Bar("max", result.latencyMaxMs(), INK));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fdfcf9\"/>%n", WIDTH, HEIGHT));
        text(svg, 20, 30, 16, "bold", "start", INK, String.format(Locale.ROOT,
                "Galley pipeline benchmark: %,d stories%s", result.stories(), result.quick() ? " (quick)" : ""));
        text(svg, 20, 50, 11, "normal", "start", MUTED, result.date() + " · " + result.machine().cores() + " cores · "
                + result.machine().jdk());
        panel(svg, 40, 360, "Throughput, per second", throughput, null);
        panel(svg, 420, 740, String.format(Locale.ROOT, "Latency at %d stories/s, ms", result.latencyRate()),
                latency, Target.MAX_P99_MS);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Bars between x {@code left} and {@code right}, scaled to the largest value (or the goal line, if higher). */
    private static void panel(StringBuilder svg, int left, int right, String title, List<Bar> bars, Double goal) {
        text(svg, left, PLOT_TOP - 20, 13, "bold", "start", INK, title);
        double top = bars.stream().map(Bar::value).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        if (goal != null) {
            top = Math.max(top, goal);
        }
        double scale = (PLOT_BOTTOM - PLOT_TOP - 20) / Math.max(top, 1e-9);
        int slot = (right - left) / bars.size();
        int width = Math.min(64, slot - 16);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int centre = left + slot * i + slot / 2;
            text(svg, centre, PLOT_BOTTOM + 18, 12, "normal", "middle", INK, bar.label());
            if (bar.value() == null) {
                text(svg, centre, PLOT_BOTTOM - 6, 11, "normal", "middle", MUTED, "not measured");
                continue;
            }
            double height = bar.value() * scale;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>%n",
                    centre - width / 2, PLOT_BOTTOM - height, width, height, bar.colour()));
            text(svg, centre, PLOT_BOTTOM - height - 6, 11, "normal", "middle", INK, number(bar.value()));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>%n",
                left, PLOT_BOTTOM, right, PLOT_BOTTOM, INK));
        if (goal != null) {
            double y = PLOT_BOTTOM - goal * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-dasharray=\"6 4\"/>%n", left, y, right, y, ACCENT));
            text(svg, right, y - 4, 10, "normal", "end", ACCENT, "p99 goal " + number(goal) + " ms");
        }
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    private static void text(StringBuilder svg, double x, double y, int size, String weight, String anchor,
                             String colour, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                + "text-anchor=\"%s\" fill=\"%s\">%s</text>%n", x, y, size, weight, anchor, colour, escape(text)));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
