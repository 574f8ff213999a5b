package org.galley.runtime.errors;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The largest record each topic takes: the smaller of the producer's {@code max.request.size} and the topic's
 * {@code max.message.bytes} as the cluster has it, looked up once per topic. A topic whose limit cannot be
 * looked up counts as taking {@code max.request.size}, and is looked up again next time.
 */
final class TopicSizeLimits {

    private final int maxRequestSize;
    private final Function<String, OptionalInt> lookup;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    TopicSizeLimits(int maxRequestSize, Function<String, OptionalInt> lookup) {
        this.maxRequestSize = maxRequestSize;
        this.lookup = lookup;
    }

    int limitOf(String topic) {
        Integer limit = known.get(topic);
        if (limit != null) {
            return limit;
        }
        OptionalInt topicLimit = lookup.apply(topic);
        if (topicLimit.isEmpty()) {
            return maxRequestSize;
        }
        int smaller = Math.min(maxRequestSize, topicLimit.getAsInt());
        known.put(topic, smaller);
        return smaller;
    }
}
