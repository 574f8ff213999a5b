package org.galley.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {

    @ParameterizedTest
    @EnumSource(State.class)
    void onlyRunningIsReady(State state) {
        assertThat(StreamsHealth.ready(state)).isEqualTo(state == State.RUNNING);
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"CREATED", "REBALANCING", "RUNNING"})
    void startingRebalancingAndRunningHaveNotFailed(State state) {
        assertThat(StreamsHealth.failure(state)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"PENDING_ERROR", "ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING"})
    void errorAndStoppingByItselfHaveFailedForGood(State state) {
        assertThat(StreamsHealth.failure(state)).hasValueSatisfying(reason -> assertThat(reason).contains(state.name()));
    }

    @Test
    void aThreadThatHasNotPolledForLongerThanTheLimitIsWedged() {
        Map<String, Double> threads = Map.of("enrich-1-StreamThread-1-consumer", 2.0,
                "enrich-1-StreamThread-2-consumer", 301.0);

        assertThat(StreamsHealth.stalledThread(threads, Duration.ofMinutes(5)))
                .hasValue("enrich-1-StreamThread-2-consumer has not polled for 301 s");
        assertThat(StreamsHealth.stalledThread(threads, Duration.ofMinutes(6))).isEmpty();
        assertThat(StreamsHealth.stalledThread(Map.of(), Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void onlyTheMainConsumersOfStreamThreadsThatHavePolledAreWatched() {
        Map<MetricName, KafkaMetric> metrics = new LinkedHashMap<>();
        put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-1-StreamThread-1-consumer", 7);
        put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-1-StreamThread-2-consumer", -1);
        put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-1-StreamThread-1-restore-consumer", 900);
        put(metrics, "last-poll-seconds-ago", "consumer-metrics", "app-1-global-consumer", 900);
        put(metrics, "poll-idle-ratio-avg", "consumer-metrics", "app-1-StreamThread-1-consumer", 900);

        assertThat(StreamsHealth.secondsSinceLastPoll(metrics)).containsExactly(
                Map.entry("app-1-StreamThread-1-consumer", 7.0));
    }

    private static void put(Map<MetricName, KafkaMetric> metrics, String name, String group, String clientId, double value) {
        MetricName metricName = new MetricName(name, group, "", Map.of("client-id", clientId));
        metrics.put(metricName, new KafkaMetric(new Object(), metricName, (Measurable) (config, now) -> value,
                new MetricConfig(), Time.SYSTEM));
    }
}
