package org.galley.ingest.status;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.galley.events.ArticleStatus;

/**
 * Reads a story's status from the status store of ingest's running Kafka Streams application by interactive
 * query. When the store partition that holds the key is active on another instance (by its
 * {@code application.server}), says where, so the caller can ask there.
 */
public final class StreamsStatusLookup implements StatusLookup {

    private static final Serializer<String> KEYS = Serdes.String().serializer();

    private final Supplier<Optional<KafkaStreams>> streams;
    private final String storeName;
    private final HostInfo self;

    /**
     * @param streams   the running application, empty while it is not started
     * @param storeName the status store's name
     * @param self      this instance's {@code application.server}
     */
    public StreamsStatusLookup(Supplier<Optional<KafkaStreams>> streams, String storeName, HostInfo self) {
        this.streams = streams;
        this.storeName = storeName;
        this.self = self;
    }

    @Override
    public Result find(String articleId) {
        return findAll(List.of(articleId)).get(articleId);
    }

    /** Asks the running application once, and opens each store partition once, for all the ids. */
    @Override
    public Map<String, Result> findAll(Collection<String> articleIds) {
        Map<String, Result> results = new LinkedHashMap<>();
        Optional<KafkaStreams> running = streams.get();
        if (running.isEmpty()) {
            Result notRunning = new Unavailable("ingest's stream processor is not running");
            articleIds.forEach(articleId -> results.put(articleId, notRunning));
            return results;
        }
        Map<Integer, ReadOnlyKeyValueStore<String, ArticleStatus>> partitions = new HashMap<>();
        for (String articleId : articleIds) {
            results.put(articleId, find(running.get(), articleId, partitions));
        }
        return results;
    }

    private Result find(KafkaStreams app, String articleId,
                        Map<Integer, ReadOnlyKeyValueStore<String, ArticleStatus>> partitions) {
        try {
            KeyQueryMetadata owner = app.queryMetadataForKey(storeName, articleId, KEYS);
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                return new Unavailable("the story's partition has no active owner yet");
            }
            HostInfo active = owner.activeHost();
            if (!self.equals(active)) {
                return new Elsewhere(active.host(), active.port());
            }
            ReadOnlyKeyValueStore<String, ArticleStatus> store = partitions.computeIfAbsent(owner.partition(),
                    partition -> app.store(StoreQueryParameters
                            .fromNameAndType(storeName, QueryableStoreTypes.<String, ArticleStatus>keyValueStore())
                            .withPartition(partition)));
            ArticleStatus status = store.get(articleId);
            return status == null ? new Missing() : new Found(status);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Thrown while the application starts, rebalances or moves the partition to another instance.
            return new Unavailable(e.getMessage());
        }
    }
}
