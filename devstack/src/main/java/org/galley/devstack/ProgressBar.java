package org.galley.devstack;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A terminal's view of a publish run: one {@link Progress} line redrawn in place, with each story that was
 * rejected, taken down or not answered in time printed above it as it happens. Published stories are only
 * counted; the site and {@code published.jsonl} list them.
 */
final class ProgressBar implements PublishListener {

    private static final Duration REDRAW_EVERY = Duration.ofMillis(100);

    private final PrintStream out;
    private final Duration storyTimeout;
    private final int width;
    private final Clock clock;
    private int total;
    private int done;
    private Instant start;
    private Instant drawn;

    ProgressBar(PrintStream out, Duration storyTimeout, int width, Clock clock) {
        this.out = out;
        this.storyTimeout = storyTimeout;
        this.width = width;
        this.clock = clock;
    }

    /** For the terminal this runs in: as wide as {@code COLUMNS} says, less one so the line never wraps. */
    static ProgressBar forTerminal(PrintStream out, Duration storyTimeout) {
        int columns;
        try {
            columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
        } catch (NumberFormatException e) {
            columns = 80;
        }
        return new ProgressBar(out, storyTimeout, Math.max(columns, 20) - 1, Clock.systemUTC());
    }

    @Override
    public void started(int total) {
        this.total = total;
        this.start = clock.instant();
        draw();
    }

    @Override
    public void resolved(PublishReport.Entry entry) {
        done++;
        if (!entry.published()) {
            String line = entry.describe(storyTimeout);
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())) + "\n");
            draw();
        } else if (Duration.between(drawn, clock.instant()).compareTo(REDRAW_EVERY) >= 0) {
            draw();
        }
    }

    @Override
    public void finished() {
        draw();
        out.println();
    }

    private void draw() {
        drawn = clock.instant();
        out.print("\r" + Progress.line(done, total, Duration.between(start, drawn), width));
        out.flush();
    }
}
