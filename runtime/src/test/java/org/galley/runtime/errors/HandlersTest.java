package org.galley.runtime.errors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** What each of Galley's handlers decides: retriable faults are retried, poison is dead-lettered with its reason. */
class HandlersTest {

    private static final Map<String, Object> CONFIGS = Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dead-letter",
            DeadLetters.STAGE_CONFIG, "enrich");

    private static final byte[] KEY = "story-1".getBytes(UTF_8);
    private static final byte[] VALUE = "raw bytes".getBytes(UTF_8);

    /** As the registry module signals an outage: a RetriableException, here wrapped the way a serde wraps it. */
    private static final Exception REGISTRY_DOWN = new SerializationException("Error deserializing",
            new RetriableException("registry unreachable") { });

    private final GalleyDeserializationExceptionHandler deserialization = configured(new GalleyDeserializationExceptionHandler());
    private final GalleyProcessingExceptionHandler processing = configured(new GalleyProcessingExceptionHandler());
    private final GalleyProductionExceptionHandler production = configured(new GalleyProductionExceptionHandler());

    @Test
    void aRecordThatCannotBeReadDuringARegistryOutageIsReadAgainNotSkipped() {
        DeserializationExceptionHandler.Response response = deserialization.handleError(
                HandlerContext.of("articles.accepted", 7, KEY, VALUE), input(), REGISTRY_DOWN);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void unreadableBytesAreDeadLetteredAsReadWithStageReasonAndOriginAndTheStageGoesOn() {
        DeserializationExceptionHandler.Response response = deserialization.handleError(
                HandlerContext.of("articles.accepted", 7, KEY, VALUE), input(), new SerializationException("Unknown magic byte!"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = single(response.deadLetterQueueRecords());
        assertThat(letter.topic()).isEqualTo("articles.dead-letter");
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(header(letter, "galley-stage")).isEqualTo("enrich");
        assertThat(header(letter, "galley-reason")).isEqualTo("unreadable");
        assertThat(header(letter, "__streams.errors.exception")).isEqualTo(SerializationException.class.getName());
        assertThat(header(letter, "__streams.errors.message")).isEqualTo("Unknown magic byte!");
        assertThat(header(letter, "__streams.errors.topic")).isEqualTo("articles.accepted");
        assertThat(header(letter, "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(letter, "__streams.errors.offset")).isEqualTo("7");
    }

    @Test
    void aBugInAStageDeadLettersTheInputAndGoesOnButAnOutageInsideItIsRetried() {
        HandlerContext context = HandlerContext.of("articles.accepted", 3, KEY, VALUE);
        Record<String, String> record = new Record<>("story-1", "value", 1_000L);

        ProcessingExceptionHandler.Response bug = processing.handleError(context, record, new NullPointerException("oops"));
        ProcessingExceptionHandler.Response outage = processing.handleError(context, record,
                new IllegalStateException("lookup failed", new TimeoutException("broker")));

        assertThat(bug.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = single(bug.deadLetterQueueRecords());
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(header(letter, "galley-reason")).isEqualTo("processing-failed");
        assertThat(outage.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(outage.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void aDeadLetterThatFailsAStageReadingTheDeadLetterTopicIsSkippedNotWrittenBack() {
        HandlerContext context = HandlerContext.of("articles.dead-letter", 5, KEY, VALUE);

        ProcessingExceptionHandler.Response bug = processing.handleError(context,
                new Record<>("story-1", "value", 1_000L), new NullPointerException("oops"));
        DeserializationExceptionHandler.Response unreadable = deserialization.handleError(context, input(),
                new SerializationException("Unknown magic byte!"));

        assertThat(bug.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(bug.deadLetterQueueRecords()).isEmpty();
        assertThat(unreadable.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(unreadable.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void anOutputTooLargeForItsTopicIsDeadLetteredWithoutItsValueAndTheStageGoesOn() {
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>("articles.published", KEY, new byte[1000]);

        ProductionExceptionHandler.Response response = production.handleError(
                HandlerContext.of("articles.enriched", 9, null, null), output, new RecordTooLargeException("too big"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = single(response.deadLetterQueueRecords());
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).isNull();
        assertThat(header(letter, "galley-reason")).isEqualTo("too-large");
        assertThat(header(letter, "galley-value-dropped")).isEqualTo("1000");
        assertThat(header(letter, "__streams.errors.topic")).as("the input it was made from").isEqualTo("articles.enriched");
        assertThat(header(letter, "__streams.errors.offset")).isEqualTo("9");
    }

    @Test
    void anOutputTheBrokerRefusesForGoodIsDeadLetteredAndOneItCannotTakeYetIsRetried() {
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>("articles.published", KEY, VALUE);
        HandlerContext context = HandlerContext.of("articles.enriched", 9, null, null);

        ProductionExceptionHandler.Response refused = production.handleError(context, output, new UnknownServerException("no"));
        ProductionExceptionHandler.Response unavailable = production.handleError(context, output, new NetworkException("down"));

        assertThat(refused.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(single(refused.deadLetterQueueRecords()).value()).isEqualTo(VALUE);
        assertThat(header(single(refused.deadLetterQueueRecords()), "galley-reason")).isEqualTo("refused");
        assertThat(unavailable.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(unavailable.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void anOutputWhoseSchemaTheRegistryRefusesDeadLettersTheInputButAnOutageFails() {
        HandlerContext context = HandlerContext.of("articles.enriched", 4, KEY, VALUE);
        ProducerRecord<String, String> output = new ProducerRecord<>("articles.published", "story-1", "page");

        ProductionExceptionHandler.Response refused = production.handleSerializationError(context, output,
                new SerializationException("Schema being registered is incompatible"), SerializationExceptionOrigin.VALUE);
        ProductionExceptionHandler.Response outage = production.handleSerializationError(context, output,
                REGISTRY_DOWN, SerializationExceptionOrigin.VALUE);

        assertThat(refused.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = single(refused.deadLetterQueueRecords());
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).as("the input as read").isEqualTo(VALUE);
        assertThat(header(letter, "galley-reason")).isEqualTo("unserializable");
        assertThat(outage.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void aDeadLetterTheDeadLetterTopicRefusesIsSentOnceMoreWithoutItsValueAndThenGivenUp() {
        HandlerContext context = HandlerContext.of("articles.enriched", 4, null, null);
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>("articles.dead-letter", KEY, new byte[500]);

        ProductionExceptionHandler.Response first = production.handleError(context, letter, new RecordTooLargeException("too big"));
        ProducerRecord<byte[], byte[]> smaller = single(first.deadLetterQueueRecords());
        ProductionExceptionHandler.Response second = production.handleError(context, smaller, new RecordTooLargeException("too big"));

        assertThat(first.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(smaller.value()).isNull();
        assertThat(header(smaller, "galley-value-dropped")).isEqualTo("500");
        assertThat(second.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(second.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void withoutADeadLetterTopicPoisonIsOnlySkipped() {
        GalleyDeserializationExceptionHandler handler = new GalleyDeserializationExceptionHandler();
        handler.configure(Map.of());

        DeserializationExceptionHandler.Response response = handler.handleError(
                HandlerContext.of("t", 0, KEY, VALUE), input(), new SerializationException("bad"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> input() {
        return new ConsumerRecord<>("articles.accepted", 0, 7, KEY, VALUE);
    }

    private static <T extends org.apache.kafka.common.Configurable> T configured(T handler) {
        handler.configure(CONFIGS);
        return handler;
    }

    private static ProducerRecord<byte[], byte[]> single(List<ProducerRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
