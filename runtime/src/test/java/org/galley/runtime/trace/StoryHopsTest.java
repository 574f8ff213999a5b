package org.galley.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A stage in miniature: enter, the stage's work (which sees the MDC), one hop, and two typed outputs. */
class StoryHopsTest {

    private static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final List<String> mdcSeenByTheWork = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> main;
    private TestOutputTopic<String, String> side;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> worked = builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(StoryHops.enter(Tracing.none(), "intake", (String value) -> value.length()),
                        Named.as("enter"))
                .mapValues(value -> {
                    mdcSeenByTheWork.add(MDC.get(StoryLog.ARTICLE_ID) + "@" + MDC.get(StoryLog.REVISION)
                            + " " + MDC.get(StoryLog.TRACE_ID));
                    return value.toUpperCase();
                })
                .processValues(StoryHops.hop(Tracing.none(), "stage"), Named.as("hop"));
        worked.processValues(StoryHops.typed("Main"), Named.as("type-main"))
                .to("main", Produced.with(Serdes.String(), Serdes.String()));
        worked.processValues(StoryHops.typed("Side"), Named.as("type-side"))
                .to("side", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hops-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        main = driver.createOutputTopic("main", new StringDeserializer(), new StringDeserializer());
        side = driver.createOutputTopic("side", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anIncomingTraceGoesOnWithTheSameTraceIdAndANewSpanId() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.TRACEPARENT, INCOMING.getBytes(StandardCharsets.UTF_8));

        in.pipeInput(new TestRecord<>("a1", "story", headers));

        TestRecord<String, String> out = main.readRecord();
        TraceParent incoming = TraceParent.parse(INCOMING).orElseThrow();
        TraceParent written = EventHeaders.trace(out.headers()).orElseThrow();
        assertThat(written.traceId()).isEqualTo(incoming.traceId());
        assertThat(written.spanId()).isNotEqualTo(incoming.spanId());
        assertThat(out.headers().headers(EventHeaders.TRACEPARENT)).hasSize(1);
    }

    @Test
    void eachOutputNamesItsOwnEventTypeAndBothCarryTheHopsSpan() {
        in.pipeInput("a1", "story");

        TestRecord<String, String> onMain = main.readRecord();
        TestRecord<String, String> onSide = side.readRecord();
        assertThat(EventHeaders.eventType(onMain.headers())).contains("Main");
        assertThat(EventHeaders.eventType(onSide.headers())).contains("Side");
        assertThat(EventHeaders.trace(onMain.headers())).isEqualTo(EventHeaders.trace(onSide.headers()));
    }

    @Test
    void aRecordWithoutTraceStartsOneAtIntake() {
        in.pipeInput("a1", "story");
        in.pipeInput("a2", "story");

        TraceParent first = EventHeaders.trace(main.readRecord().headers()).orElseThrow();
        TraceParent second = EventHeaders.trace(main.readRecord().headers()).orElseThrow();
        assertThat(first.traceId()).isNotEqualTo(second.traceId());
    }

    @Test
    void theStagesWorkSeesTheStoryInTheMdcAndItIsClearedAfter() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.TRACEPARENT, INCOMING.getBytes(StandardCharsets.UTF_8));

        in.pipeInput(new TestRecord<>("a1", "story", headers));

        assertThat(mdcSeenByTheWork).containsExactly("a1@5 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get(StoryLog.ARTICLE_ID)).isNull();
        assertThat(MDC.get(StoryLog.TRACE_ID)).isNull();
    }
}
