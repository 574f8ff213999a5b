package org.galley.enrich;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.galley.enrich.story.StoryEnricher;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleEnriched;
import org.galley.runtime.metrics.GalleyMetrics;

/**
 * The draft step of {@link EnrichTopology}, on the task of each {@code articles.accepted} partition: drafts the
 * story ({@link StoryEnricher}) and re-keys it to the story index's one key, with headers naming the partition
 * and offset it came from ({@value #SOURCE_PARTITION}, {@value #SOURCE_OFFSET}), so the index step can tell how
 * far each partition has got, in publication order and in records (see {@link WaitingDrafts#isDue}).
 */
final class DraftProcessor implements Processor<String, ArticleAccepted, String, ArticleEnriched> {

    static final String SOURCE_PARTITION = "galley-source-partition";
    static final String SOURCE_OFFSET = "galley-source-offset";

    private final StoryEnricher enricher;
    private final GalleyMetrics metrics;
    private ProcessorContext<String, ArticleEnriched> context;

    DraftProcessor(StoryEnricher enricher, GalleyMetrics metrics) {
        this.enricher = enricher;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ArticleAccepted> accepted) {
        if (accepted.value() == null) {
            // Thrown, not dropped: the processing handler logs it and sends the record to the dead-letter topic.
            throw new IllegalArgumentException("Record " + accepted.key() + " on the accepted topic has no story");
        }
        ArticleEnriched draft = metrics.time("enrich", "draft", () -> enricher.draft(accepted.value()));
        Record<String, ArticleEnriched> out = accepted.withKey(EnrichTopology.INDEX_KEY).withValue(draft);
        out.headers().remove(SOURCE_PARTITION);
        out.headers().remove(SOURCE_OFFSET);
        context.recordMetadata().ifPresent(source -> {
            out.headers().add(SOURCE_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(source.partition()).array());
            out.headers().add(SOURCE_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(source.offset()).array());
        });
        context.forward(out);
    }


    /** The offset a draft came from, when it says. */
    static OptionalLong sourceOffset(Headers headers) {
        Header header = headers.lastHeader(SOURCE_OFFSET);
        if (header == null || header.value() == null || header.value().length != Long.BYTES) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(header.value()).getLong());
    }

    /** The partition a draft came from, when it says. */
    static Optional<Integer> sourcePartition(Headers headers) {
        Header header = headers.lastHeader(SOURCE_PARTITION);
        if (header == null || header.value() == null || header.value().length != Integer.BYTES) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(header.value()).getInt());
    }
}
