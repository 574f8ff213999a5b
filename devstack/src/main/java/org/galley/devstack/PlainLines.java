package org.galley.devstack;

import java.io.PrintStream;
import java.time.Duration;

/** One line per story as its status arrives: for pipes, CI logs and tests, where a redrawn line is noise. */
final class PlainLines implements PublishListener {

    private final PrintStream out;
    private final Duration storyTimeout;

    PlainLines(PrintStream out, Duration storyTimeout) {
        this.out = out;
        this.storyTimeout = storyTimeout;
    }

    @Override
    public void started(int total) {
    }

    @Override
    public void resolved(PublishReport.Entry entry) {
        out.println(entry.describe(storyTimeout));
    }

    @Override
    public void finished() {
    }
}
