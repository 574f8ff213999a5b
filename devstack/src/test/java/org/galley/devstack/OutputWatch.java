package org.galley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What Galley shows the world, watched as it comes out: every committed record of the given topics from their
 * beginning (a {@code read_committed} consumer with no group, as a platform team's would read them), each kept
 * with the time this watch first saw it, and the text of every file in a site folder. Tests of held stories ask
 * it what mentions a story, and when.
 */
final class OutputWatch implements AutoCloseable {

    /** A record as seen: its key, value and header values as text (UTF-8, lower case), and when it was seen. */
    record Seen(String topic, String key, byte[] value, String text, Instant timestamp, Instant seenAt) {

        boolean mentions(String... words) {
            return Arrays.stream(words).anyMatch(word -> text.contains(word.toLowerCase(Locale.ROOT)));
        }
    }

    /** A site file that mentions a word, and the word. */
    record Mention(Path file, String word) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread poller;
    private volatile boolean closed;

    private OutputWatch(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "output-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts watching {@code topics} (which must exist) from their beginning. */
    static OutputWatch start(String bootstrapServers, String... topics) {
        return new OutputWatch(bootstrapServers, List.of(topics));
    }

    private void poll() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant now = Instant.now();
                    StringBuilder text = new StringBuilder();
                    text.append(utf8(record.key())).append('\n').append(utf8(record.value()));
                    for (Header header : record.headers()) {
                        text.append('\n').append(header.key()).append('=').append(utf8(header.value()));
                    }
                    seen.add(new Seen(record.topic(), utf8(record.key()), record.value(),
                            text.toString().toLowerCase(Locale.ROOT), Instant.ofEpochMilli(record.timestamp()), now));
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private static String utf8(byte[] bytes) {
        // Avro writes strings as plain UTF-8, so a word in any field shows in the record's bytes.
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every record seen so far, in the order seen. */
    List<Seen> all() {
        return List.copyOf(seen);
    }

    /** The records seen so far on {@code topic} that mention any of the words (case-insensitive). */
    List<Seen> onTopicMentioning(String topic, String... words) {
        return seen.stream().filter(record -> record.topic().equals(topic) && record.mentions(words)).toList();
    }

    /** Waits until a record on {@code topic} mentions any of the words; false if none did within {@code wait}. */
    boolean awaitMention(Duration wait, String topic, String... words) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (onTopicMentioning(topic, words).isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The records seen so far, on any topic, that mention any of the words (case-insensitive). */
    List<Seen> mentioning(String... words) {
        return seen.stream().filter(record -> record.mentions(words)).toList();
    }

    /** Every file under {@code folder} that mentions any of the words (case-insensitive), as the files are now. */
    static List<Mention> filesMentioning(Path folder, String... words) {
        for (int attempt = 1; ; attempt++) {
            try {
                return scan(folder, words);
            } catch (UncheckedIOException e) {
                // The site renames a temporary file over each file it writes; one may go while the walk lists it.
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static List<Mention> scan(Path folder, String... words) {
        List<Mention> mentions = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return mentions;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                } catch (NoSuchFileException replaced) {
                    // a temporary file renamed over its page while we walked
                    continue;
                }
                for (String word : words) {
                    if (text.contains(word.toLowerCase(Locale.ROOT))) {
                        mentions.add(new Mention(folder.relativize(file), word));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mentions;
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
