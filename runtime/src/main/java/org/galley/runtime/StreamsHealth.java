package org.galley.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * What a Kafka Streams client's state says about its health, as plain functions of the state and of how long
 * ago each stream thread last polled (read from the client's own metrics):
 *
 * <ul>
 *   <li>ready: {@code RUNNING} only; a client that is starting, rebalancing or restoring its state is not.</li>
 *   <li>failed for good: {@code ERROR} (e.g. its global-store thread died, which no handler can replace) or
 *       stopped by itself ({@code PENDING_SHUTDOWN}, {@code NOT_RUNNING} without anyone closing it). Nothing
 *       in the process brings it back; a new process does.</li>
 *   <li>wedged: a stream thread that has not polled for {@link #STALL_LIMIT}. A thread polls on every turn of
 *       its loop, with work or without (also while restoring), so a thread that stops polling is stuck in one
 *       record: past {@code max.poll.interval.ms} (5 min in Streams) the group has already given its tasks to
 *       another instance, and this one holds a core and its state for nothing.</li>
 *   <li>live: neither failed nor wedged. Rebalancing and restoring are live, so a liveness probe never kills
 *       an instance for doing what a rebalance asks of it.</li>
 * </ul>
 */
final class StreamsHealth {

    /** How long a stream thread may go without polling before it counts as wedged. */
    static final Duration STALL_LIMIT = Duration.ofMinutes(5);

    /** The main consumer of a stream thread ({@code <client>-StreamThread-1-consumer}), not its restore consumer. */
    private static final Pattern MAIN_CONSUMER = Pattern.compile(".*-StreamThread-\\d+-consumer");

    private StreamsHealth() {
    }

    static boolean ready(State state) {
        return state == State.RUNNING;
    }

    /** Why a client in {@code state} has failed for good; empty when it has not. Only for a client not being closed. */
    static Optional<String> failure(State state) {
        return switch (state) {
            case ERROR, PENDING_ERROR -> Optional.of("the Kafka Streams client is in " + state
                    + " (a thread that cannot be replaced died; see the log above)");
            case PENDING_SHUTDOWN, NOT_RUNNING -> Optional.of("the Kafka Streams client stopped by itself (" + state + ")");
            case CREATED, REBALANCING, RUNNING -> Optional.empty();
        };
    }

    /** A stream thread that has not polled for longer than {@code limit}, with how long; empty when none. */
    static Optional<String> stalledThread(Map<String, Double> secondsSinceLastPoll, Duration limit) {
        return secondsSinceLastPoll.entrySet().stream()
                .filter(thread -> thread.getValue() > limit.toSeconds())
                .findFirst()
                .map(thread -> thread.getKey() + " has not polled for " + thread.getValue().longValue() + " s");
    }

    /**
     * Each stream thread's seconds since its main consumer last polled, by consumer client id, from the
     * client's metrics ({@code consumer-metrics/last-poll-seconds-ago}); a thread that never polled yet
     * (-1) is left out.
     */
    static Map<String, Double> secondsSinceLastPoll(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> threads = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            String clientId = name.tags().get("client-id");
            if (name.name().equals("last-poll-seconds-ago") && name.group().equals("consumer-metrics")
                    && clientId != null && MAIN_CONSUMER.matcher(clientId).matches()
                    && metric.metricValue() instanceof Number seconds && seconds.doubleValue() >= 0) {
                threads.put(clientId, seconds.doubleValue());
            }
        });
        return threads;
    }
}
