package org.galley.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import org.galley.events.Action;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.ids.ArticleIds;
import org.galley.ingest.revision.RevisionPolicy;
import org.galley.ingest.preview.PreviewTokens;
import org.galley.ingest.intake.Decoded;
import org.galley.ingest.intake.SubmissionDecoder;
import org.galley.ingest.validation.ReasonCodes;
import org.galley.ingest.validation.SubmissionValidator;
import org.galley.ingest.validation.TextCharacters;
import org.galley.runtime.trace.EventHeaders;
import org.galley.runtime.trace.StoryLog;
import org.galley.runtime.trace.TraceParent;
import org.galley.runtime.trace.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers that take stories in. A valid submission is answered 202 only after the sink stored it on
 * {@code articles.submitted}; an invalid story is answered 422 only after its rejection, with every reason,
 * is stored on {@code articles.rejected}; a request that cannot be read at all is answered 400 and nothing is
 * sent; a revision that would not be published (a duplicate, or older than the newest accepted) is answered 409
 * and nothing is sent. The same validation runs again in ingest's topology, for stories that arrive through Kafka.
 * A story posted without an id ({@code ?id=}, {@code id:} or {@code articleId}) is given one ({@link ArticleIds});
 * the 202 names it, with its status URL in {@code Location}.
 */
final class ArticleEndpoints {

    static final String ARTICLES = "/v1/articles";
    /** How long a client is asked to wait before sending again what Kafka did not store. */
    static final int NOT_STORED_RETRY_SECONDS = 5;
    /** How long a client is asked to wait before asking again for a status that could not be read. */
    static final int RETRY_STATUS_SECONDS = 1;
    /** The {@code source} of a submission that names none. */
    static final String DEFAULT_SOURCE = "http";

    /**
     * Stands for "no id given" while a body is decoded, so a story without one is read like any other and named
     * afterwards from what it says ({@link ArticleIds}). A NUL character, which no id a client sends can hold.
     */
    static final String ID_TO_ASSIGN = "\u0000id-to-assign";

    private static final Logger log = LoggerFactory.getLogger(ArticleEndpoints.class);

    private final PreviewTokens previewTokens;
    private final IngestSettings settings;
    private final SubmissionSink sink;
    private final SubmissionValidator validator;
    private final SubmissionDecoder decoder;
    private final AcceptedRevisions revisions;
    private final Clock clock;
    private final Tracing tracing;

    ArticleEndpoints(IngestSettings settings, SubmissionSink sink, AcceptedRevisions revisions,
                     PreviewTokens previewTokens, Clock clock, Tracing tracing) {
        this.previewTokens = previewTokens;
        this.settings = settings;
        this.sink = sink;
        this.revisions = revisions;
        this.validator = new SubmissionValidator(settings.validationLimits());
        this.decoder = new SubmissionDecoder(settings.siteBaseUrl(), DEFAULT_SOURCE, clock);
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * The answer to an accepted request.
     *
     * @param previewUrl for a preview, the address its page will have (render writes it within seconds)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Receipt(String articleId, long revision, String status, String statusUrl, List<String> warnings,
                   String previewUrl) {
    }

    /** {@code POST /v1/articles}: a JSON submission or a Markdown story file. */
    void submit(Context ctx) {
        if (!Replies.authorized(ctx, settings.bearerToken())) {
            return;
        }
        String mediaType = mediaType(ctx.contentType());
        boolean json = mediaType.equals("application/json");
        if (!json && !mediaType.equals("text/markdown")) {
            Replies.problem(ctx, Problem.of(415, "Unsupported Media Type", "Send the story as application/json (the "
                    + "submission's fields) or text/markdown (a story file with front matter), not '"
                    + (mediaType.isEmpty() ? "no Content-Type" : TextCharacters.visible(mediaType)) + "'.", ctx.path()));
            return;
        }
        if (!isUtf8(ctx.contentType())) {
            Replies.problem(ctx,
                    Problem.of(415, "Unsupported Media Type", "Send the story as UTF-8 text.", ctx.path()));
            return;
        }
        Optional<byte[]> body = readBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        String queryId = blankToNull(ctx.queryParam("id"));
        DecodedSubmission decoded = json
                ? readJson(body.get())
                : readStoryFile(body.get(), queryId);
        if (decoded.unreadableStory()) {
            reject(ctx, intake(ctx, queryId), ArticleRejected.newBuilder()
                    .setArticleId(queryId)
                    .setSource(DEFAULT_SOURCE)
                    .setReasons(decoded.problems())
                    .setRejectedAt(clock.instant())
                    .setOriginalPayload(ByteBuffer.wrap(body.get()))
                    .build());
            return;
        }
        if (!decoded.isRead()) {
            Replies.problem(ctx, Problem.of(400, "Bad Request",
                    "The submission could not be read; nothing was sent. Fix the fields listed in errors.",
                    ctx.path(), decoded.problems()));
            return;
        }
        ArticleSubmitted submission = decoded.submission();
        if ("true".equalsIgnoreCase(blankToNull(ctx.queryParam("preview")))) {
            submission.setPreview(true);
        }
        if (ID_TO_ASSIGN.equals(submission.getArticleId())) {
            // A POST to the collection creates the story: it is named here, and later revisions use that name.
            submission.setArticleId(ArticleIds.assign(submission));
        }
        validateAndSend(ctx, submission, decoded.warnings(), null);
    }

    /**
     * {@code DELETE /v1/articles/{id}}: take the story down, as {@code ?revision=} or, without one, as the next
     * revision after the newest accepted. A story never accepted is answered 404.
     */
    void unpublish(Context ctx) {
        if (!Replies.authorized(ctx, settings.bearerToken())) {
            return;
        }
        String articleId = ctx.pathParam("id");
        String requested = blankToNull(ctx.queryParam("revision"));
        long revision = 0;
        if (requested != null) {
            try {
                revision = Long.parseLong(requested);
            } catch (NumberFormatException e) {
                revision = 0;
            }
            if (revision < 1) {
                Replies.problem(ctx, Problem.of(400, "Bad Request", "Nothing was sent.", ctx.path(), List.of(
                        new RejectionReason("revision", ReasonCodes.BAD_REVISION, "The revision must be a whole "
                                + "number of 1 or more, newer than the story's, was '"
                                + TextCharacters.visible(requested) + "'."))));
                return;
            }
        }
        AcceptedRevisions.Newest newest = revisions.anywhere(articleId, ctx.header("Authorization"));
        if (newest instanceof AcceptedRevisions.Never) {
            Replies.problem(ctx, Problem.of(404, "Not Found", "No revision of story '"
                    + TextCharacters.visible(articleId) + "' was accepted, so there is nothing to take down; nothing "
                    + "was sent. A story answered 202 a moment ago can be taken down once its status shows it "
                    + "accepted.", ctx.path()));
            return;
        }
        if (requested == null) {
            if (newest instanceof AcceptedRevisions.Unknown unknown) {
                Replies.unavailable(ctx, "The story's newest revision cannot be read right now, so the takedown's "
                        + "cannot be chosen; nothing was sent. Ask again shortly, or name it with ?revision=.",
                        RETRY_STATUS_SECONDS, "takedown of " + LogText.of(articleId) + ": " + unknown.internal(), null);
                return;
            }
            revision = RevisionPolicy.next(((AcceptedRevisions.Known) newest).revision());
        }
        String source = blankToNull(ctx.queryParam("source"));
        ArticleSubmitted takedown = ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setRevision(revision)
                .setAction(Action.UNPUBLISH)
                .setHeadline("")
                .setByline("")
                .setCategory("")
                .setBodyMarkdown("")
                .setTags(List.of())
                .setSubmittedAt(clock.instant())
                .setSource(source == null ? DEFAULT_SOURCE : source)
                .build();
        validateAndSend(ctx, takedown, List.of(), newest);
    }

    /** {@code GET /v1/healthz}: 200 while submissions can be sent. */
    void health(Context ctx) {
        boolean up = sink.isReady();
        Replies.json(ctx, up ? 200 : 503, new Health(up ? "up" : "down"));
    }

    record Health(String status) {
    }

    private DecodedSubmission readJson(byte[] body) {
        Decoded decoded = decoder.json(body, ID_TO_ASSIGN);
        return decoded instanceof Decoded.Read read ? DecodedSubmission.read(read.submission(), read.warnings())
                : DecodedSubmission.refused(((Decoded.Refused) decoded).reasons());
    }

    private DecodedSubmission readStoryFile(byte[] body, String queryId) {
        Decoded decoded = decoder.storyFile("request body", body, queryId == null ? ID_TO_ASSIGN : queryId);
        if (decoded instanceof Decoded.Refused refused) {
            // Without an id the story cannot be named, so the request itself is at fault.
            return refused.missesTheId() ? DecodedSubmission.refused(refused.reasons())
                    : DecodedSubmission.unreadableStory(refused.reasons());
        }
        Decoded.Read parsed = (Decoded.Read) decoded;
        String articleId = parsed.submission().getArticleId();
        if (queryId != null && !queryId.equals(articleId)) {
            return DecodedSubmission.refused(List.of(new RejectionReason("articleId", ReasonCodes.ID_MISMATCH,
                    "The front matter's id '" + articleId + "' differs from ?id=" + TextCharacters.visible(queryId)
                            + "; give one of them.")));
        }
        return DecodedSubmission.read(parsed.submission(), parsed.warnings());
    }

    /**
     * @param newest what is known of the story's newest accepted revision, or null to read it from this
     *               instance's status store
     */
    private void validateAndSend(Context ctx, ArticleSubmitted submission, List<String> warnings,
                                 AcceptedRevisions.Newest newest) {
        TraceParent trace = intake(ctx, submission.getArticleId());
        try (StoryLog.Scope story = StoryLog.open(submission.getArticleId(), submission.getRevision(), trace)) {
            List<RejectionReason> reasons = validator.validate(submission);
            if (reasons.isEmpty()) {
                // Only this instance's store is read for a submission: asking a peer would slow every request down.
                // A preview claims no revision, so any revision may be previewed, the published one included.
                AcceptedRevisions.Newest known = submission.getPreview() ? null
                        : newest == null ? revisions.local(submission.getArticleId()) : newest;
                if (known instanceof AcceptedRevisions.Known accepted
                        && refuseRevision(ctx, submission, accepted.revision())) {
                    return;
                }
            }
            if (!reasons.isEmpty() && submission.getPreview()) {
                // A preview's problems are the newsroom's to fix; nothing is recorded against the story.
                Replies.problem(ctx, Problem.of(422, "Unprocessable Content", "The preview cannot be made as it is; "
                        + "nothing was sent. Fix the fields listed in errors and send it again.", ctx.path(), reasons));
                return;
            }
            if (!reasons.isEmpty()) {
                reject(ctx, trace, ArticleRejected.newBuilder()
                        .setArticleId(submission.getArticleId())
                        .setRevision(submission.getRevision())
                        .setSource(submission.getSource())
                        .setReasons(reasons)
                        .setRejectedAt(clock.instant())
                        .setSubmission(submission)
                        .build());
                return;
            }
            try {
                sink.send(submission, trace);
            } catch (SubmissionSink.SendFailedException e) {
                Replies.unavailable(ctx, "The submission was not stored; send it again.", NOT_STORED_RETRY_SECONDS,
                        "submission " + LogText.of(submission.getArticleId()) + " revision " + submission.getRevision()
                                + " not stored", e);
                return;
            }
            log.info("Submitted {} revision {} ({}) over HTTP", LogText.of(submission.getArticleId()),
                    submission.getRevision(), submission.getAction());
            String statusUrl = statusUrl(submission.getArticleId());
            ctx.header("Location", statusUrl);
            String previewUrl = submission.getPreview() ? settings.siteBaseUrl().replaceAll("/+$", "")
                    + PreviewTokens.path(previewTokens.tokenFor(submission)) : null;
            Replies.json(ctx, 202, new Receipt(submission.getArticleId(), submission.getRevision(),
                    submission.getPreview() ? "previewing" : "submitted", statusUrl, warnings, previewUrl));
        }
    }

    /**
     * The trace a request starts: a child of the newsroom tool's own {@code traceparent} when it sent a valid
     * one, so its trace goes on through Galley, or a new one.
     */
    private TraceParent intake(Context ctx, String articleId) {
        return tracing.hop("ingest-http", TraceParent.parse(ctx.header(EventHeaders.TRACEPARENT)).orElse(null),
                articleId);
    }

    /**
     * Answers 409, naming the newest accepted revision, when the submission's revision is a duplicate or stale;
     * nothing is sent, since ingest's topology would refuse it.
     *
     * @return true when answered
     */
    private boolean refuseRevision(Context ctx, ArticleSubmitted submission, long newestAccepted) {
        String articleId = submission.getArticleId();
        Optional<RejectionReason> refusal = RevisionPolicy.refusal(articleId, newestAccepted, submission.getRevision());
        if (refusal.isEmpty()) {
            return false;
        }
        log.info("Refused {} revision {} over HTTP: {} (newest accepted {})", LogText.of(articleId),
                submission.getRevision(), refusal.get().getCode(), newestAccepted);
        Replies.problem(ctx, Problem.of(409, "Conflict", "Revision " + submission.getRevision() + " will not be "
                        + "published: revision " + newestAccepted + " is the newest accepted. Nothing was sent; send "
                        + "the change as revision " + RevisionPolicy.next(newestAccepted) + " or higher.", ctx.path(),
                        List.of(refusal.get()))
                .about(articleId, statusUrl(articleId))
                .withAcceptedRevision(newestAccepted));
        return true;
    }

    /** Records the rejection, then answers 422 with its reasons; 503 when it could not be recorded. */
    private void reject(Context ctx, TraceParent trace, ArticleRejected rejection) {
        try {
            sink.reject(rejection, trace);
        } catch (SubmissionSink.SendFailedException e) {
            Replies.unavailable(ctx, "The story is invalid, but its rejection was not recorded; send it again.",
                    NOT_STORED_RETRY_SECONDS, "rejection of " + LogText.of(rejection.getArticleId()) + " not stored", e);
            return;
        }
        String articleId = rejection.getArticleId();
        log.info("Rejected {} revision {} over HTTP: {}", LogText.of(articleId), rejection.getRevision(),
                rejection.getReasons().stream().map(RejectionReason::getCode).toList());
        Problem problem = Problem.of(422, "Unprocessable Content", "The story cannot be published as it is; "
                + "the rejection is recorded. Fix the fields listed in errors and send it again.", ctx.path(),
                rejection.getReasons());
        // An id that cannot be carried names no story a client could follow; the errors say what is wrong with it.
        boolean followable = articleId != null && TextCharacters.isCarriable(articleId);
        Replies.problem(ctx, followable ? problem.about(articleId, statusUrl(articleId)) : problem);
    }

    /** The body, or empty after answering 413 when it is over the story size limit. */
    private Optional<byte[]> readBody(Context ctx) {
        int limit = settings.maxStoryBytes();
        long declared = ctx.req().getContentLengthLong();
        byte[] bytes;
        if (declared <= limit) {
            try (InputStream in = ctx.bodyInputStream()) {
                bytes = in.readNBytes(limit + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            bytes = null;
        }
        if (bytes == null || bytes.length > limit) {
            Replies.problem(ctx, Problem.of(413, "Content Too Large", "The story is larger than the limit of "
                    + limit + " bytes; shorten it.", ctx.path()));
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    static String statusUrl(String articleId) {
        return ARTICLES + "/" + pathSegment(articleId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isUtf8(String contentType) {
        if (contentType == null) {
            return true;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String charset = pair[1].strip().replace("\"", "");
                return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
            }
        }
        return true;
    }

    /** Percent-encodes everything but unreserved characters, so any article id is one path segment. */
    static String pathSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
