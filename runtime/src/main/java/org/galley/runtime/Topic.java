package org.galley.runtime;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic's name together with the serdes of its keys and values, so no caller can pair them wrongly, and the
 * topic-level settings it is created with when missing (such as {@code cleanup.policy=compact}); most topics
 * have none and take the cluster's defaults.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    /** A topic created with the cluster's defaults. */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, keySerde, valueSerde, Map.of());
    }

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }

    @Override
    public String toString() {
        return name;
    }
}
