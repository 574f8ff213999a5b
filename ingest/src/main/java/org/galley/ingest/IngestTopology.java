package org.galley.ingest;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleSubmitted;
import org.galley.ingest.revision.RevisionGate;
import org.galley.ingest.validation.CheckedSubmission;
import org.galley.ingest.validation.SubmissionValidator;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;

/**
 * Ingest's stream processor: every submission is validated, and each story's revisions only move forward.
 *
 * <ul>
 *   <li>reads {@code articles.submitted}: key String articleId, value {@code ArticleSubmitted}</li>
 *   <li>writes {@code articles.accepted}: key String articleId, value {@code ArticleAccepted}</li>
 *   <li>writes {@code articles.rejected}: key String articleId (the message key when the article is unknown),
 *       value {@code ArticleRejected} with every reason and the original submission</li>
 * </ul>
 * Repeated and older revisions are dropped (logged, counted); bytes that are not a submission go to the
 * dead-letter topic through the Streams settings, never to this topology.
 */
public final class IngestTopology {

    /** Article id to the newest accepted revision. */
    public static final String REVISIONS_STORE = "ingest-newest-revisions";

    private IngestTopology() {
    }

    public static Topology build(Topics topics, IngestSettings settings, Clock clock) {
        SubmissionValidator validator = new SubmissionValidator(settings.validationLimits());
        Topic<String, ArticleSubmitted> submitted = topics.submitted();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REVISIONS_STORE), Serdes.String(), Serdes.Long()));

        Map<String, KStream<String, CheckedSubmission>> checked = builder
                .stream(submitted.name(), submitted.consumed().withName("read-submissions"))
                .mapValues((key, submission) -> CheckedSubmission.check(key, submission, validator), Named.as("validate"))
                .split(Named.as("checked-"))
                .branch((key, check) -> check.isValid(), Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));

        checked.get("checked-invalid")
                .map((key, check) -> KeyValue.pair(check.rejectionKey(key), check.toRejection(key, clock.instant())),
                        Named.as("to-rejection"))
                .to(topics.rejected().name(), topics.rejected().produced().withName("write-rejected"));

        checked.get("checked-valid")
                .mapValues(CheckedSubmission::submission, Named.as("valid-submission"))
                .processValues(() -> new RevisionGate(REVISIONS_STORE), Named.as("newer-revisions-only"), REVISIONS_STORE)
                .mapValues(submission -> new ArticleAccepted(submission, clock.instant()), Named.as("to-acceptance"))
                .to(topics.accepted().name(), topics.accepted().produced().withName("write-accepted"));

        return builder.build();
    }
}
