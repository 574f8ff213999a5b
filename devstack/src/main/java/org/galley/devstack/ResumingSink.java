package org.galley.devstack;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link StorySink} for a stack that kept an earlier run's data: a story whose revision ingest has already
 * accepted is not sent again (ingest would refuse it as {@code duplicate-revision}), and counts as sent, so the
 * publisher waits for that revision's status as for any other: ingest has it already, or gets it when the
 * resumed pipeline finishes the story. Everything else goes to the sink behind it; an older revision too, so
 * ingest refuses it as stale and says why.
 */
final class ResumingSink implements StorySink {

    private final StorySink sink;
    private final Function<String, Optional<Long>> acceptedRevisions;
    private final Set<String> notResent = ConcurrentHashMap.newKeySet();

    /** @param acceptedRevisions the newest revision ingest has accepted, by article id */
    ResumingSink(StorySink sink, Function<String, Optional<Long>> acceptedRevisions) {
        this.sink = sink;
        this.acceptedRevisions = acceptedRevisions;
    }

    @Override
    public void send(StoryFile story, Sent sent) {
        Long revision = story.revision();
        // A preview claims no revision, so it is always sent.
        if (revision != null && !story.isPreview()
                && acceptedRevisions.apply(story.articleId()).filter(revision::equals).isPresent()) {
            notResent.add(story.articleId());
            sent.completed(null);
            return;
        }
        sink.send(story, sent);
    }

    @Override
    public void rejectAsTooLarge(StoryFile story, Sent sent) {
        sink.rejectAsTooLarge(story, sent);
    }

    /** The article ids of the stories an earlier run had already sent at the same revision. */
    Set<String> notResent() {
        return Set.copyOf(notResent);
    }
}
