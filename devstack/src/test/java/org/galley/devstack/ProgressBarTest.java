package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final int WIDTH = 79;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Duration.ofSeconds(60), WIDTH, Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRejectedStoryIsPrintedAboveTheBarAndAPublishedOneIsOnlyCounted() {
        bar.started(3);
        bar.resolved(new PublishReport.Entry("good.md", "good",
                new StoryStatus(StoryStatus.Kind.PUBLISHED, "good", 1L, "/ai/good/", null, List.of()), "http://localhost:8080/ai/good/"));
        bar.resolved(new PublishReport.Entry("bad.md", "bad",
                new StoryStatus(StoryStatus.Kind.REJECTED, "bad", 1L, null, null, List.of("headline: A story needs a headline.")), null));
        bar.finished();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("good.md");
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).endsWith("\r" + pad(String.format("  ✗  rejected     %-36s %s", "bad.md", "headline: A story needs a headline.")));
        assertThat(lines[1]).endsWith("\r" + Progress.line(2, 3, Duration.ZERO, WIDTH));
    }

    @Test
    void aStoryWithNoAnswerInTimeIsPrintedAboveTheBar() {
        bar.started(1);
        bar.resolved(new PublishReport.Entry("slow.md", "slow", null, null));
        bar.finished();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\r" + pad("  ?  slow.md: no answer within 60 s") + "\n");
    }

    private static String pad(String line) {
        return line + " ".repeat(Math.max(0, WIDTH - line.length()));
    }
}
