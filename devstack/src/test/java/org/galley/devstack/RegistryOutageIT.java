package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.galley.events.Action;
import org.galley.events.ArticlePublished;
import org.galley.events.ArticleSubmitted;
import org.galley.localkafka.LoopbackPorts;
import org.galley.registry.SchemaRegistryClients;
import org.galley.registry.serde.RegistryAvroDeserializer;
import org.galley.registry.serde.RegistryAvroSerializer;
import org.galley.registry.serde.TopicNameStrategy;
import org.galley.registry.serde.WireFormat;
import org.galley.runtime.Topics;
import org.galley.site.SiteBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry outage loses nothing. The whole local stack runs with a {@link TcpProxy} between its services and the
 * schema registry. Mid-stream the proxy is cut for 30 s, and during the cut the outage is made to bite: stories
 * are submitted on {@code articles.submitted} written with a newer version of ArticleSubmitted's schema (one
 * optional field more), registered straight with the registry, so ingest has to ask the registry for it; and the
 * site is restarted, so it has no schema cached at all. Once the registry is back, every story must be on
 * {@code articles.published} (read_committed), have its page, and be listed on the home page, with nothing
 * dead-lettered or rejected; and no home page written during the outage may have dropped a story it listed before.
 * The test's own producer and consumers talk to the registry directly.
 */
class RegistryOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(90);
    private static final int BEFORE = 30;
    private static final int DURING = 10;

    @TempDir
    static Path work;

    private static TcpProxy proxy;
    private static LocalStack stack;
    private static Path siteDir;
    private static KafkaProducer<String, byte[]> producer;
    private static RegistryAvroSerializer<ArticleSubmitted> currentVersion;
    private static Schema newerSchema;
    private static int newerSchemaId;

    @BeforeAll
    static void startTheStackBehindAProxy() {
        int registryPort = LoopbackPorts.free();
        proxy = TcpProxy.start(registryPort);
        siteDir = work.resolve("site");
        stack = LocalStack.start(new LocalStack.Ports(0, registryPort, 0, 0), work.resolve("stack"), siteDir, Map.of(
                "SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + proxy.port(),
                // Every story on the home page itself, so one file shows whether the home page lists it.
                "GALLEY_SITE_PAGE_SIZE", "200"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        currentVersion = new RegistryAvroSerializer<>(ArticleSubmitted.class);
        currentVersion.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    }

    @AfterAll
    static void stopEverything() {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aThirtySecondRegistryOutageMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        Map<String, String> headlines = new LinkedHashMap<>();
        for (int i = 0; i < BEFORE; i++) {
            send(story("before-" + i, "Harbour Report Before The Outage Number " + i, headlines), false);
        }
        producer.flush();
        // Mid-stream: some stories are on the home page, so every stage has met the schemas it knew at start, and
        // the rest are on their way.
        Set<String> listedBeforeTheCut = awaitListedOnHome(headlines, 5, Duration.ofSeconds(60));

        proxy.cut();
        long cutAt = System.nanoTime();
        for (int i = 0; i < DURING; i++) {
            send(story("during-" + i, "Harbour Report During The Outage Number " + i, headlines), false);
            send(story("newer-" + i, "Harbour Report In A Newer Schema Number " + i, headlines), true);
        }
        producer.flush();
        stack.restartSite();
        List<String> homesMissingAStory = new ArrayList<>();
        while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
            Set<String> listed = listedOnHome(headlines);
            if (!listed.containsAll(listedBeforeTheCut)) {
                homesMissingAStory.add("home lists " + listed.size() + " of the " + listedBeforeTheCut.size()
                        + " stories it listed before the cut");
            }
            Thread.sleep(500);
        }
        Set<String> publishedDuringTheOutage = publishedIds();
        proxy.restore();

        assertThat(publishedDuringTheOutage).as("the outage bit: ingest could not read the newer schema without the registry")
                .noneMatch(id -> id.startsWith("newer-"));
        assertThat(homesMissingAStory).as("home pages written during the outage").isEmpty();

        Set<String> published = awaitPublished(headlines.keySet());
        assertThat(published).as("published on articles.published (read_committed)").containsAll(headlines.keySet());
        awaitOnSiteAndHome(headlines);
        assertThat(allRecords(Topics.DEAD_LETTER)).as("dead letters").isEmpty();
        assertThat(rejectedIds()).as("stories rejected by ingest").doesNotContainAnyElementsOf(headlines.keySet());
        // The restarted site skipped none of them as unreadable (it would log such a story in rejected.jsonl).
        assertThat(headlines.keySet()).as("published as the site sees it").allSatisfy(id -> {
            assertThat(SiteLogs.lastPublished(stack.site().folder().root(), id)).as(id)
                    .hasValueSatisfying(line -> assertThat(line.path("action").asText()).isEqualTo("PUBLISH"));
            assertThat(SiteLogs.rejections(stack.site().folder().root(), id)).as(id).isEmpty();
        });
    }

    private static ArticleSubmitted story(String id, String headline, Map<String, String> headlines) {
        headlines.put(id, headline);
        return ArticleSubmitted.newBuilder()
                .setArticleId(id).setRevision(1).setAction(Action.PUBLISH)
                .setHeadline(headline).setDek("What the harbour master said about the tide.")
                .setByline("Priya Raman").setCategory("Local")
                .setBodyMarkdown("""
                        The harbour opened at dawn after a night of high water. Boats that waited
                        offshore came in one by one, and the quay was busy by seven.

                        ## What comes next

                        The harbour master expects the same tide tomorrow and asks crews to wait for the signal.
                        """)
                .setTags(List.of("Harbour"))
                .setSubmittedAt(Instant.now()).setSource("registry-outage-it")
                .build();
    }

    /** Sends the story as the newsroom's tool would, in the current schema or in the newer one. */
    private static void send(ArticleSubmitted story, boolean inTheNewerSchema) throws IOException {
        byte[] value = inTheNewerSchema ? inNewerSchema(story) : currentVersion.serialize(Topics.SUBMITTED, story);
        producer.send(new ProducerRecord<>(Topics.SUBMITTED, story.getArticleId(), value));
    }

    /**
     * The story written with ArticleSubmitted's schema plus an optional {@code desk}, registered straight with the
     * registry (while Galley's services cannot reach it), so only the registry can tell a reader its id.
     */
    private static byte[] inNewerSchema(ArticleSubmitted story) throws IOException {
        if (newerSchema == null) {
            Schema current = ArticleSubmitted.getClassSchema();
            List<Schema.Field> fields = new ArrayList<>();
            current.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
            fields.add(new Schema.Field("desk", Schema.createUnion(Schema.create(Schema.Type.NULL),
                    Schema.create(Schema.Type.STRING)), "The desk that filed it.", Schema.Field.NULL_DEFAULT_VALUE));
            newerSchema = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
            newerSchemaId = SchemaRegistryClients.forUrl(stack.registryUrl())
                    .register(TopicNameStrategy.subject(Topics.SUBMITTED, false), newerSchema);
        }
        byte[] current = currentVersion.serialize(Topics.SUBMITTED, story);
        GenericRecord record = new GenericDatumReader<GenericRecord>(ArticleSubmitted.getClassSchema(), newerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(current, WireFormat.HEADER_SIZE,
                        current.length - WireFormat.HEADER_SIZE, null));
        record.put("desk", "Harbour desk");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(WireFormat.header(newerSchemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(newerSchema).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    private static Set<String> awaitListedOnHome(Map<String, String> headlines, int least, Duration within)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> listed = listedOnHome(headlines);
        while (listed.size() < least) {
            assertThat(System.nanoTime()).as(least + " stories on the home page within " + within).isLessThan(deadline);
            Thread.sleep(100);
            listed = listedOnHome(headlines);
        }
        return listed;
    }

    /** The ids of the stories whose headline the home page shows now. */
    private static Set<String> listedOnHome(Map<String, String> headlines) throws IOException {
        Path home = siteDir.resolve(SiteBuilder.HOME);
        Set<String> listed = new TreeSet<>();
        if (Files.exists(home)) {
            String text = Jsoup.parse(home.toFile(), "UTF-8").text();
            headlines.forEach((id, headline) -> {
                if (text.contains(headline)) {
                    listed.add(id);
                }
            });
        }
        return listed;
    }

    private static Set<String> awaitPublished(Set<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERED_WITHIN.toNanos();
        Set<String> published = publishedIds();
        while (!published.containsAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            published = publishedIds();
        }
        return published;
    }

    /** Each story's page written and every story on the home page, waiting for the site to catch up. */
    private static void awaitOnSiteAndHome(Map<String, String> headlines) throws Exception {
        long deadline = System.nanoTime() + RECOVERED_WITHIN.toNanos();
        Map<String, String> paths = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : allRecords(Topics.PUBLISHED)) {
            paths.put(record.key(), published(record).getPath());
        }
        Set<String> missing;
        do {
            missing = new TreeSet<>();
            Set<String> listed = listedOnHome(headlines);
            for (String id : headlines.keySet()) {
                Path page = siteDir.resolve(paths.get(id).substring(1)).resolve("index.html");
                if (!Files.exists(page)) {
                    missing.add(id + " (no page)");
                } else if (!Files.readString(page).contains(headlines.get(id))) {
                    missing.add(id + " (page without its headline)");
                }
                if (!listed.contains(id)) {
                    missing.add(id + " (not on home)");
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing).as("stories missing from the site").isEmpty();
    }

    private static ArticlePublished published(ConsumerRecord<String, byte[]> record) {
        RegistryAvroDeserializer<ArticlePublished> values = new RegistryAvroDeserializer<>(ArticlePublished.class);
        values.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
        return values.deserialize(record.topic(), record.value());
    }

    private static Set<String> publishedIds() {
        Set<String> ids = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : allRecords(Topics.PUBLISHED)) {
            if (published(record).getAction() == Action.PUBLISH) {
                ids.add(record.key());
            }
        }
        return ids;
    }

    /** The keys on articles.rejected, which are article ids. */
    private static Set<String> rejectedIds() {
        Set<String> ids = new TreeSet<>();
        allRecords(Topics.REJECTED).forEach(record -> ids.add(record.key()));
        return ids;
    }

    /** Every committed record on the topic, read from the start to its last stable offset, without a group. */
    private static List<ConsumerRecord<String, byte[]>> allRecords(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertThat(System.nanoTime()).as("read " + topic + " to its end").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
