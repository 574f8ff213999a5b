package org.galley.devstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.galley.devstack.Ledger.Reconciliation;
import org.galley.events.ArticlePublished;
import org.galley.ingest.http.KafkaSubmissionSink;
import org.galley.runtime.ServiceConfig;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;
import org.galley.runtime.errors.DeadLetterRevisions;
import org.galley.runtime.errors.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./galley audit}: reconciles a running cluster's books from its topics ({@link Ledger}), read_committed as
 * any consumer reads them: every submission and its outcome, and every event on {@code articles.published} seen
 * exactly once per (story, revision, resend).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Reconcile the topics: submitted = published + rejected + failed (+ in flight), and no event on "
                + "articles.published twice. Exits 1 when something is duplicated or has more outcomes than submissions.")
final class AuditCommand implements Callable<Integer> {

    private static final Duration WAIT_STEP = Duration.ofSeconds(2);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka (default: ${DEFAULT-VALUE}, the broker of ./galley up).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "The schema registry (default: ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Read again every 2 s, up to this long, until nothing is in flight (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    PrintStream out = System.out;

    @Override
    public Integer call() throws InterruptedException {
        Topics topics = Topics.fromConfig(new ServiceConfig(System.getenv()).with(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "SCHEMA_REGISTRY_URL", registryUrl)));
        Reconciliation books = settle(bootstrapServers, topics, Duration.ofSeconds(waitSeconds));
        out.print(report(books, topics));
        return books.broken() ? 1 : 0;
    }

    /** The books as the topics hold them now. */
    static Reconciliation audit(String bootstrapServers, Topics topics) {
        Ledger ledger = new Ledger();
        TopicReader.readAll(bootstrapServers, topics.submitted().name(), record -> ledger.submitted());
        TopicReader.readAll(bootstrapServers, topics.rejected().name(),
                record -> ledger.rejected(header(record, KafkaSubmissionSink.INTAKE_HEADER) != null));
        TopicReader.readAll(bootstrapServers, topics.published().name(), record -> {
            ArticlePublished event = decode(topics.published(), record.value());
            ledger.published(event.getArticleId(), event.getRevision(), event.getResend());
        });
        DeadLetterRevisions revisions = new DeadLetterRevisions(topics);
        TopicReader.readAll(bootstrapServers, topics.deadLetter().name(), letter -> {
            String source = header(letter, DeadLetterLine.TOPIC);
            // Only a failure to read, process or write a story on its way counts; the site and ingest's status
            // also read articles.published, and what they give up on is not a submission's outcome.
            if (source == null ? Set.of("ingest", "enrich", "render").contains(header(letter, DeadLetters.STAGE_HEADER))
                    : revisions.knows(source) && !source.equals(topics.published().name())) {
                String articleId = letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8);
                ledger.failed(String.valueOf(header(letter, DeadLetters.STAGE_HEADER)), articleId,
                        revisions.revision(source, letter.value()));
            }
        });
        return ledger.reconcile();
    }

    /** Reads the books again every 2 s, up to {@code wait}, until nothing is in flight or they can no longer balance. */
    static Reconciliation settle(String bootstrapServers, Topics topics, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Reconciliation books = audit(bootstrapServers, topics);
        while (!books.balanced() && !books.broken() && System.nanoTime() < deadline) {
            Thread.sleep(WAIT_STEP.toMillis());
            books = audit(bootstrapServers, topics);
        }
        return books;
    }

    static String report(Reconciliation books, Topics topics) {
        StringBuilder report = new StringBuilder();
        line(report, "submitted", books.submitted(), String.format("%,d on %s, %,d refused at ingest's HTTP door",
                books.submittedOnTopic(), topics.submitted().name(), books.refusedAtDoor()));
        line(report, "published", books.published(), "(story, revision) first sent on " + topics.published().name());
        line(report, "rejected", books.rejected(), "on " + topics.rejected().name());
        line(report, "failed", books.failed(), books.failedByStage().isEmpty() ? "" : books.failedByStage().entrySet()
                .stream().map(stage -> stage.getKey() + " " + stage.getValue()).collect(Collectors.joining(", ")));
        line(report, "in flight", books.inFlight(), books.inFlight() < 0 ? "more outcomes than submissions" : "");
        line(report, "re-sent", books.resends(), "events of a revision sent again with new links");
        line(report, "duplicated", books.duplicates(), "events seen again with the same (story, revision, resend)");
        books.duplicated().forEach(send -> report.append("    ").append(send).append('\n'));
        report.append(books.broken() ? "BROKEN: see above\n"
                : books.balanced() ? "balanced: submitted = published + rejected + failed, nothing sent twice\n"
                : "nothing sent twice; the rest is still in flight\n");
        return report.toString();
    }

    private static void line(StringBuilder report, String label, long count, String detail) {
        report.append(String.format("%-11s %,9d%s%n", label, count, detail.isEmpty() ? "" : "  " + detail));
    }

    private static <V> V decode(Topic<String, V> topic, byte[] bytes) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
