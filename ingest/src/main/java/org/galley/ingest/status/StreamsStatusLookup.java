package org.galley.ingest.status;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
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
        Optional<KafkaStreams> running = streams.get();
        if (running.isEmpty()) {
            return new Unavailable("ingest's stream processor is not running");
        }
        KafkaStreams app = running.get();
        try {
            KeyQueryMetadata owner = app.queryMetadataForKey(storeName, articleId, Serdes.String().serializer());
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                return new Unavailable("the story's partition has no active owner yet");
            }
            HostInfo active = owner.activeHost();
            if (!self.equals(active)) {
                return new Elsewhere(active.host(), active.port());
            }
            ReadOnlyKeyValueStore<String, ArticleStatus> store = app.store(StoreQueryParameters
                    .fromNameAndType(storeName, QueryableStoreTypes.<String, ArticleStatus>keyValueStore())
                    .withPartition(owner.partition()));
            ArticleStatus status = store.get(articleId);
            return status == null ? new Missing() : new Found(status);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Thrown while the application starts, rebalances or moves the partition to another instance.
            return new Unavailable(e.getMessage());
        }
    }
}
