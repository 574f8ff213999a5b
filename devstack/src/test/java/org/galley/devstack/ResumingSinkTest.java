package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.galley.ingest.storyfile.StoryFileParser;
import org.junit.jupiter.api.Test;

class ResumingSinkTest {

    private final List<String> sent = new ArrayList<>();
    private final List<Exception> completions = new ArrayList<>();
    private final StorySink behind = new StorySink() {
        @Override
        public void send(StoryFile story, Sent done) {
            sent.add(story.articleId());
        }

        @Override
        public void rejectAsTooLarge(StoryFile story, Sent done) {
            sent.add("too-large:" + story.articleId());
        }
    };
    private final Map<String, Long> accepted = Map.of("kept", 2L, "newer-kept", 3L);
    private final ResumingSink sink = new ResumingSink(behind, id -> Optional.ofNullable(accepted.get(id)));

    @Test
    void aStoryWhoseRevisionIngestAlreadyAcceptedIsNotSentAgainButCountsAsSent() {
        sink.send(story("kept", 2), completions::add);

        assertThat(sent).isEmpty();
        assertThat(completions).hasSize(1).containsOnlyNulls();
        assertThat(sink.notResent()).containsExactly("kept");
    }

    @Test
    void newStoriesNewerRevisionsAndOlderOnesGoToIngestWhichJudgesThem() {
        sink.send(story("unknown", 1), completions::add);
        sink.send(story("kept", 3), completions::add);
        sink.send(story("newer-kept", 1), completions::add);

        assertThat(sent).containsExactly("unknown", "kept", "newer-kept");
        assertThat(sink.notResent()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsAlwaysSentAsItsRejection() {
        byte[] junk = {(byte) 0xff, (byte) 0xfe, 0};
        StoryFile unreadable = new StoryFile(junk, parser().parse("kept.md", junk));

        sink.send(unreadable, completions::add);

        assertThat(sent).containsExactly("kept");
    }

    private static StoryFile story(String id, long revision) {
        byte[] content = ("---\nheadline: Story " + id + "\nbyline: Desk\ncategory: AI\nrevision: " + revision
                + "\n---\n\nA body.\n").getBytes(StandardCharsets.UTF_8);
        return new StoryFile(content, parser().parse(id + ".md", content));
    }

    private static StoryFileParser parser() {
        return new StoryFileParser("https://news.example", "test", Clock.systemUTC());
    }
}
