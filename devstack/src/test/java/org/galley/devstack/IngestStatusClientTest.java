package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.galley.events.ArticleRejected;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.events.StoryState;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.http.IngestHttpServer;
import org.galley.ingest.http.SubmissionSink;
import org.galley.ingest.status.StatusLookup;
import org.galley.runtime.trace.TraceParent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against ingest's real HTTP front door, with statuses from memory. */
class IngestStatusClientTest {

    private static final Instant AT = Instant.parse("2026-04-28T10:00:00Z");

    private final List<List<String>> askedTogether = new ArrayList<>();
    private IngestHttpServer ingest;

    @AfterEach
    void close() {
        if (ingest != null) {
            ingest.close();
        }
    }

    @Test
    void manyStoriesAreAskedAboutInRequestsOfAtMostAThousandAndOnlyKnownOnesAnswered() {
        IngestStatusClient client = start(IngestSettings.defaults());
        List<String> ids = IntStream.range(0, 2_500).mapToObj(i -> "story-" + i).toList();

        Map<String, StoryStatus> statuses = client.statuses(ids);

        assertThat(askedTogether).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(statuses).hasSize(1_250).containsKey("story-0").doesNotContainKey("story-1");
        assertThat(statuses.get("story-2498").kind()).isEqualTo(StoryStatus.Kind.PUBLISHED);
        assertThat(statuses.get("story-2498").path()).isEqualTo("/ai/story-2498/");
    }

    @Test
    void theTokenIsSentWithTheBatch() {
        IngestStatusClient client = start(IngestSettings.defaults().withBearerToken("s3cret"));

        assertThat(client.statuses(List.of("story-0", "story-1"))).containsOnlyKeys("story-0");
    }

    /** Ingest knows the even-numbered stories, published. */
    private IngestStatusClient start(IngestSettings settings) {
        StatusLookup lookup = new StatusLookup() {
            @Override
            public Result find(String articleId) {
                return Integer.parseInt(articleId.substring("story-".length())) % 2 == 0
                        ? new Found(published(articleId)) : new Missing();
            }

            @Override
            public Map<String, Result> findAll(Collection<String> articleIds) {
                synchronized (askedTogether) {
                    askedTogether.add(List.copyOf(articleIds));
                }
                return StatusLookup.super.findAll(articleIds);
            }
        };
        ingest = new IngestHttpServer(settings.withHttpPort(0), new NoSink(), lookup, Clock.systemUTC());
        ingest.start();
        return new IngestStatusClient("http://127.0.0.1:" + ingest.port() + "/v1/articles", settings.bearerToken());
    }

    private static ArticleStatus published(String articleId) {
        return ArticleStatus.newBuilder().setArticleId(articleId).setState(StoryState.PUBLISHED).setRevision(1L)
                .setPath("/ai/" + articleId + "/").setUpdatedAt(AT).setReasons(List.of()).setHistory(List.of())
                .build();
    }

    /** Nothing is submitted in these tests. */
    private static final class NoSink implements SubmissionSink {
        @Override
        public void send(ArticleSubmitted submission, TraceParent trace) {
            throw new AssertionError("nothing is submitted");
        }

        @Override
        public void reject(ArticleRejected rejection, TraceParent trace) {
            throw new AssertionError("nothing is rejected");
        }

        @Override
        public boolean isReady() {
            return true;
        }
    }
}
