package org.galley.devstack;

import java.time.Duration;
import java.util.Locale;

/** The progress line {@code ./galley up} redraws on a terminal: bar, stories done of all, rate and time left. */
final class Progress {

    private static final char DONE = '█';
    private static final char TO_DO = '░';
    private static final int NARROWEST_BAR = 5;

    private Progress() {
    }

    /**
     * E.g. {@code [█████░░░░░]  120/2000  64.3 stories/s  ETA 30s}, padded or cut to exactly {@code width}
     * characters so that a redraw over the last line leaves nothing of it behind. The bar is dropped when the
     * line is too narrow for it; the rate and ETA show {@code --} until the first story is done.
     */
    static String line(int done, int total, Duration elapsed, int width) {
        double seconds = elapsed.toMillis() / 1000.0;
        double rate = done > 0 && seconds > 0 ? done / seconds : 0;
        String counts = String.format(Locale.ROOT, "  %d/%d  %s stories/s  ETA %s", done, total,
                rate > 0 ? String.format(Locale.ROOT, "%.1f", rate) : "--",
                done >= total ? "0s" : rate > 0 ? duration((long) Math.ceil((total - done) / rate)) : "--");
        int barWidth = width - counts.length() - 2;
        String line = barWidth >= NARROWEST_BAR ? "[" + bar(done, total, barWidth) + "]" + counts : counts.strip();
        return fit(line, width);
    }

    /** {@code 42s}, {@code 3m07s}, {@code 1h02m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private static String bar(int done, int total, int width) {
        int filled = total <= 0 ? width : (int) ((long) width * Math.min(done, total) / total);
        return String.valueOf(DONE).repeat(filled) + String.valueOf(TO_DO).repeat(width - filled);
    }

    private static String fit(String text, int width) {
        return text.length() >= width ? text.substring(0, Math.max(width, 0)) : text + " ".repeat(width - text.length());
    }
}
