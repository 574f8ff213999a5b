package org.galley.enrich;

import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.galley.enrich.story.StoryIndexer;
import org.galley.events.ArticleEnriched;

/**
 * The story-index step of {@link EnrichTopology}: reads drafts (all under one key, on the single partition of
 * the index topic), completes each with {@link StoryIndexer} against the index stores, and forwards it keyed by
 * its article id again, followed by the events of the other stories whose links it changed. Everything one draft
 * causes is forwarded from one {@code process} call, so it commits in one transaction with the stores.
 */
final class StoryIndexProcessor implements Processor<String, ArticleEnriched, String, ArticleEnriched> {

    static final String STORY_INDEX_STORE = "story-index";
    static final String SLUG_CLAIMS_STORE = "slug-claims";
    static final String STORIES_BY_TAG_STORE = "stories-by-tag";
    static final String STORIES_BY_TIME_STORE = "stories-by-time";
    static final String STORY_DRAFTS_STORE = "story-drafts";

    private final StoryIndexer indexer;
    private ProcessorContext<String, ArticleEnriched> context;
    private KeyValueStoryIndex index;

    private StoryIndexProcessor(StoryIndexer indexer) {
        this.indexer = indexer;
    }

    /** The processor together with the stores it owns; drafts are kept with the enriched topic's value serde. */
    static ProcessorSupplier<String, ArticleEnriched, String, ArticleEnriched> supplier(
            StoryIndexer indexer, Serde<ArticleEnriched> draftSerde) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ArticleEnriched, String, ArticleEnriched> get() {
                return new StoryIndexProcessor(indexer);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return StoryIndexProcessor.stores(draftSerde);
            }
        };
    }

    static Set<StoreBuilder<?>> stores(Serde<ArticleEnriched> draftSerde) {
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_INDEX_STORE),
                        Serdes.String(), KeyValueStoryIndex.summarySerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SLUG_CLAIMS_STORE),
                        Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_BY_TAG_STORE),
                        Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_BY_TIME_STORE),
                        Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_DRAFTS_STORE),
                        Serdes.String(), draftSerde));
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.index = new KeyValueStoryIndex(context.getStateStore(STORY_INDEX_STORE),
                context.getStateStore(SLUG_CLAIMS_STORE), context.getStateStore(STORIES_BY_TAG_STORE),
                context.getStateStore(STORIES_BY_TIME_STORE), context.getStateStore(STORY_DRAFTS_STORE));
    }

    @Override
    public void process(Record<String, ArticleEnriched> draft) {
        for (ArticleEnriched enriched : indexer.index(draft.value(), index).all()) {
            context.forward(draft.withKey(enriched.getSubmission().getArticleId()).withValue(enriched));
        }
    }
}
