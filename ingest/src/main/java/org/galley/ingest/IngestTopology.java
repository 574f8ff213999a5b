package org.galley.ingest;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.galley.events.ArticleAccepted;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleStatus;
import org.galley.events.ArticleSubmitted;
import org.galley.ingest.preview.PreviewTokens;
import org.galley.ingest.revision.RevisionGate;
import org.galley.ingest.schedule.Schedule;
import org.galley.ingest.schedule.ScheduleGate;
import org.galley.ingest.status.DeadLetterReader;
import org.galley.ingest.status.StatusRecorder;
import org.galley.ingest.status.StoryEvent;
import org.galley.ingest.validation.CheckedSubmission;
import org.galley.ingest.validation.SubmissionValidator;
import org.galley.runtime.Topic;
import org.galley.runtime.Topics;
import org.galley.runtime.metrics.GalleyMetrics;
import org.galley.runtime.trace.StoryHops;
import org.galley.runtime.trace.Tracing;

/**
 * Ingest's stream processor: every submission is validated, each story's revisions only move forward, and
 * every story's status is kept for the HTTP API.
 *
 * <ul>
 *   <li>reads {@code articles.submitted}: key String articleId, value {@code ArticleSubmitted}</li>
 *   <li>writes {@code articles.accepted}: key String articleId, value {@code ArticleAccepted}</li>
 *   <li>writes {@code articles.rejected}: key String articleId (the message key when the article is unknown),
 *       value {@code ArticleRejected} with every reason and the original submission</li>
 *   <li>reads {@code articles.submitted}, {@code articles.accepted}, {@code articles.rejected} (also written
 *       by the HTTP front door), {@code articles.published} (written by render) and {@code articles.dead-letter}
 *       (written by every stage's exception handlers: key the failing input's key, value its bytes, headers
 *       naming stage and reason), all keyed by article id and co-partitioned, into the store
 *       {@value #STATUS_STORE}: key String articleId, value {@code ArticleStatus}, queried by
 *       {@code GET /v1/articles/{id}}</li>
 * </ul>
 * A revision whose {@code publishedAt} or {@code embargoUntil} is still to come is held in ingest's stores
 * ({@link ScheduleGate}: {@value ScheduleGate#HELD_STORE}, {@value ScheduleGate#BY_TIME_STORE},
 * {@value ScheduleGate#LIVE_STORE}) and written to {@code articles.accepted} only when its time comes; its status
 * is {@code SCHEDULED} meanwhile, and {@code CANCELLED} when a takedown arrives first.
 *
 * <p>A repeated or older revision is refused to {@code articles.rejected} with the reason
 * {@code duplicate-revision} or {@code stale-revision} (and counted); the story's status keeps its state and
 * shows the refusal in its history. Bytes that are not a submission go to the dead-letter topic through the
 * Streams settings, never to this topology.
 *
 * <p>Every record read from {@code articles.submitted} names its story in the logging MDC while it is processed,
 * and keeps its {@code traceparent} (one is started here for a submission written to Kafka without one); each
 * acceptance or rejection is a new span of that trace and names its event type ({@code StoryHops}).
 */
public final class IngestTopology {

    /** Article id to the newest accepted revision. */
    public static final String REVISIONS_STORE = "ingest-newest-revisions";
    /** Article id to the story's {@code ArticleStatus}. */
    public static final String STATUS_STORE = "article-status";

    private IngestTopology() {
    }

    /** As {@link #build(Topics, Serde, IngestSettings, Clock, Tracing, GalleyMetrics)}, with no spans and no meters. */
    public static Topology build(Topics topics, Serde<ArticleStatus> statusSerde, IngestSettings settings,
                                 Clock clock) {
        return build(topics, statusSerde, settings, clock, Tracing.none(), new GalleyMetrics());
    }

    /** With spans, and meters that record into nothing. */
    public static Topology build(Topics topics, Serde<ArticleStatus> statusSerde, IngestSettings settings,
                                 Clock clock, Tracing tracing) {
        return build(topics, statusSerde, settings, clock, tracing, new GalleyMetrics());
    }

    /** With meters, and no spans. */
    public static Topology build(Topics topics, Serde<ArticleStatus> statusSerde, IngestSettings settings,
                                 Clock clock, GalleyMetrics metrics) {
        return build(topics, statusSerde, settings, clock, Tracing.none(), metrics);
    }

    /**
     * @param statusSerde the serde of the status store and its changelog
     * @param tracing     a span per submission at this stage ({@link StoryHops})
     * @param metrics     counts submissions read, acceptances and rejections written, and times validation
     */
    public static Topology build(Topics topics, Serde<ArticleStatus> statusSerde, IngestSettings settings,
                                 Clock clock, Tracing tracing, GalleyMetrics metrics) {
        return build(topics, statusSerde, settings, new PreviewTokens(PreviewTokens.randomSecret()), clock, tracing,
                metrics);
    }

    /**
     * @param previewTokens the unguessable part of each preview's address ({@code GALLEY_PREVIEW_SECRET})
     */
    public static Topology build(Topics topics, Serde<ArticleStatus> statusSerde, IngestSettings settings,
                                 PreviewTokens previewTokens, Clock clock, Tracing tracing, GalleyMetrics metrics) {
        SubmissionValidator validator = new SubmissionValidator(settings.validationLimits());
        Topic<String, ArticleSubmitted> submitted = topics.submitted();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REVISIONS_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, ArticleSubmitted> submissions = builder
                .stream(submitted.name(), submitted.consumed().withName("read-submissions"))
                .processValues(StoryHops.enter(tracing, "ingest", ArticleSubmitted::getRevision), Named.as("story-context"));
        Map<String, KStream<String, CheckedSubmission>> checked = submissions
                .processValues(StoryHops.hop(tracing, "ingest"), Named.as("ingest-hop"))
                .mapValues((key, submission) -> {
                    metrics.submitted();
                    return metrics.time("ingest", "validate", () -> CheckedSubmission.check(key, submission, validator));
                }, Named.as("validate"))
                .split(Named.as("checked-"))
                .branch((key, check) -> check.isValid() && check.submission().getPreview(), Branched.as("preview"))
                .branch((key, check) -> check.isValid(), Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));

        // A preview goes straight on, with its token: it claims no revision, waits for no schedule and changes no
        // state, so the same revision can be previewed, corrected and then published.
        KStream<String, ArticleAccepted> previews = checked.get("checked-preview")
                .mapValues(check -> new ArticleAccepted(check.submission(), clock.instant(),
                        previewTokens.tokenFor(check.submission())), Named.as("to-preview"));
        previews.processValues(StoryHops.typed("ArticleAccepted"), Named.as("type-preview"))
                .to(topics.accepted().name(), topics.accepted().produced().withName("write-preview"));
        String site = settings.siteBaseUrl().endsWith("/") ? settings.siteBaseUrl() : settings.siteBaseUrl() + "/";
        KStream<String, StoryEvent> previewEvents = previews.mapValues(preview -> StoryEvent.previewed(
                preview.getSubmission(), preview.getAcceptedAt(),
                site + PreviewTokens.path(preview.getPreviewToken()).substring(1)), Named.as("status-previewed"));

        checked.get("checked-invalid")
                .map((key, check) -> KeyValue.pair(check.rejectionKey(key),
                        counted(metrics, check.toRejection(key, clock.instant()))), Named.as("to-rejection"))
                .processValues(StoryHops.typed("ArticleRejected"), Named.as("type-rejected"))
                .to(topics.rejected().name(), topics.rejected().produced().withName("write-rejected"));

        Map<String, KStream<String, RevisionGate.Gated>> gated = checked.get("checked-valid")
                .mapValues(CheckedSubmission::submission, Named.as("valid-submission"))
                .processValues(() -> new RevisionGate(REVISIONS_STORE, clock), Named.as("newer-revisions-only"),
                        REVISIONS_STORE)
                .split(Named.as("gated-"))
                .branch((key, gate) -> gate.passed(), Branched.as("newer"))
                .defaultBranch(Branched.as("refused"));
        // A revision whose time has not come (a future publishedAt, an embargo) waits here, before enrich, so
        // nothing downstream carries any of it early and its links are chosen when it goes out.
        addScheduleStores(builder, submitted);
        Map<String, KStream<String, ScheduleGate.Outcome>> scheduled = gated.get("gated-newer")
                .mapValues(RevisionGate.Gated::submission, Named.as("newer-submission"))
                .process(ScheduleGate::new, Named.as("schedule"), ScheduleGate.HELD_STORE,
                        ScheduleGate.BY_TIME_STORE, ScheduleGate.LIVE_STORE)
                .split(Named.as("scheduled-"))
                .branch((key, outcome) -> outcome.decision() == Schedule.Decision.RELEASE, Branched.as("released"))
                .defaultBranch(Branched.as("held"));
        scheduled.get("scheduled-released")
                .mapValues(outcome -> {
                    metrics.accepted();
                    return new ArticleAccepted(outcome.submission(), clock.instant(), null);
                }, Named.as("to-acceptance"))
                .processValues(StoryHops.typed("ArticleAccepted"), Named.as("type-accepted"))
                .to(topics.accepted().name(), topics.accepted().produced().withName("write-accepted"));
        KStream<String, StoryEvent> heldEvents = scheduled.get("scheduled-held")
                .mapValues(outcome -> outcome.decision() == Schedule.Decision.HOLD
                        ? StoryEvent.scheduled(outcome.submission(), outcome.at(), outcome.releaseAt())
                        : StoryEvent.cancelled(outcome.submission(), outcome.at()), Named.as("status-held"));
        // A duplicate or stale revision is answered, so the newsroom never sees "submitted" and then nothing.
        gated.get("gated-refused")
                .mapValues(gate -> counted(metrics, gate.refusal()), Named.as("to-revision-refusal"))
                .processValues(StoryHops.typed("ArticleRejected"), Named.as("type-refused-revision"))
                .to(topics.rejected().name(), topics.rejected().produced().withName("write-refused-revision"));

        recordStatuses(builder, submissions, heldEvents.merge(previewEvents, Named.as("status-merge-previewed")),
                topics, statusSerde);
        return builder.build();
    }

    private static void addScheduleStores(StreamsBuilder builder, Topic<String, ArticleSubmitted> submitted) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ScheduleGate.HELD_STORE), Serdes.String(), submitted.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ScheduleGate.BY_TIME_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ScheduleGate.LIVE_STORE), Serdes.String(), Serdes.Long()));
    }

    /** Counts a rejection under its first reason's code (the one the newsroom is shown first). */
    private static ArticleRejected counted(GalleyMetrics metrics, ArticleRejected rejection) {
        metrics.rejected(rejection.getReasons().isEmpty() ? null : rejection.getReasons().get(0).getCode());
        return rejection;
    }

    private static void recordStatuses(StreamsBuilder builder, KStream<String, ArticleSubmitted> submissions,
                                       KStream<String, StoryEvent> heldEvents, Topics topics,
                                       Serde<ArticleStatus> statusSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATUS_STORE), Serdes.String(), statusSerde));
        // A submission keyed by another id is rejected under its own id; its status starts there.
        KStream<String, StoryEvent> submittedEvents = submissions
                .filter((key, submission) -> submission != null && submission.getArticleId().equals(key)
                        && !submission.getPreview(), Named.as("status-submitted-under-own-key"))
                .mapValues(StoryEvent::submitted, Named.as("status-submitted"));
        KStream<String, StoryEvent> acceptedEvents = builder
                .stream(topics.accepted().name(), topics.accepted().consumed().withName("read-accepted"))
                .filter((key, accepted) -> accepted != null && accepted.getPreviewToken() == null,
                        Named.as("status-accepted-present"))
                .mapValues(StoryEvent::accepted, Named.as("status-accepted"));
        KStream<String, StoryEvent> rejectedEvents = builder
                .stream(topics.rejected().name(), topics.rejected().consumed().withName("read-rejected"))
                // A rejected preview is the newsroom's to fix; the story's own state does not change.
                .filter((key, rejected) -> rejected != null
                        && (rejected.getSubmission() == null || !rejected.getSubmission().getPreview()),
                        Named.as("status-rejected-present"))
                .mapValues(StoryEvent::rejected, Named.as("status-rejected"));
        KStream<String, StoryEvent> publishedEvents = builder
                .stream(topics.published().name(), topics.published().consumed().withName("read-published"))
                .filter((key, published) -> published != null, Named.as("status-published-present"))
                .mapValues(StoryEvent::published, Named.as("status-published"));
        // Dead letters keep the failing input's key, the article id; read as text, any key bytes are readable.
        KStream<String, StoryEvent> failedEvents = builder
                .stream(topics.deadLetter().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-dead-letters"))
                .processValues(() -> new DeadLetterReader(topics), Named.as("status-failed"));
        submittedEvents
                .merge(acceptedEvents, Named.as("status-merge-accepted"))
                .merge(rejectedEvents, Named.as("status-merge-rejected"))
                .merge(publishedEvents, Named.as("status-merge-published"))
                .merge(failedEvents, Named.as("status-merge-failed"))
                .merge(heldEvents, Named.as("status-merge-held"))
                .process(() -> new StatusRecorder(STATUS_STORE), Named.as("record-status"), STATUS_STORE);
    }
}
