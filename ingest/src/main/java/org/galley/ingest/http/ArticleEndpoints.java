package org.galley.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.storyfile.StoryFileParser;
import org.galley.ingest.storyfile.StoryFileResult;
import org.galley.ingest.validation.ReasonCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of ingest's HTTP API. A submission is answered 202 only after the sink stored it; what cannot
 * even be built into a submission is answered with an RFC 9457 problem and nothing is sent. Whether a stored
 * submission is published is decided by ingest's topology.
 */
final class ArticleEndpoints {

    static final String ARTICLES = "/v1/articles";

    private static final Logger log = LoggerFactory.getLogger(ArticleEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestSettings settings;
    private final SubmissionSink sink;
    private final StoryFileParser storyFiles;
    private final Clock clock;

    ArticleEndpoints(IngestSettings settings, SubmissionSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.storyFiles = new StoryFileParser(settings.siteBaseUrl(), JsonSubmissionReader.DEFAULT_SOURCE, clock);
        this.clock = clock;
    }

    /** The answer to an accepted request. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Receipt(String articleId, long revision, String status, String statusUrl, List<String> warnings) {
    }

    /** {@code POST /v1/articles}: a JSON submission or a Markdown story file. */
    void submit(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        String mediaType = mediaType(ctx.contentType());
        boolean json = mediaType.equals("application/json");
        if (!json && !mediaType.equals("text/markdown")) {
            problem(ctx, Problem.of(415, "Unsupported Media Type", "Send the story as application/json (the "
                    + "submission's fields) or text/markdown (a story file with front matter), not '"
                    + (mediaType.isEmpty() ? "no Content-Type" : mediaType) + "'.", ctx.path()));
            return;
        }
        if (!isUtf8(ctx.contentType())) {
            problem(ctx, Problem.of(415, "Unsupported Media Type", "Send the story as UTF-8 text.", ctx.path()));
            return;
        }
        Optional<byte[]> body = readBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        DecodedSubmission decoded = json
                ? JsonSubmissionReader.read(body.get(), clock.instant())
                : readStoryFile(body.get(), ctx.queryParam("id"));
        if (!decoded.isRead()) {
            problem(ctx, Problem.of(400, "Bad Request",
                    "The submission could not be read; nothing was sent. Fix the fields listed in errors.",
                    ctx.path(), decoded.problems()));
            return;
        }
        send(ctx, decoded.submission(), decoded.warnings());
    }

    /** {@code DELETE /v1/articles/{id}}: take the story down. */
    void unpublish(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        String articleId = ctx.pathParam("id");
        String requested = ctx.queryParam("revision");
        long revision;
        if (requested == null || requested.isBlank()) {
            // The time is newer than any revision a newsroom numbers by hand, so the takedown wins.
            revision = clock.millis();
        } else {
            try {
                revision = Long.parseLong(requested.strip());
            } catch (NumberFormatException e) {
                revision = 0;
            }
            if (revision < 1) {
                problem(ctx, Problem.of(400, "Bad Request", "Nothing was sent.", ctx.path(), List.of(
                        new RejectionReason("revision", ReasonCodes.BAD_REVISION, "The revision must be a whole "
                                + "number of 1 or more, newer than the story's, was '" + requested + "'."))));
                return;
            }
        }
        String source = ctx.queryParam("source");
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
                .setSource(source == null || source.isBlank() ? JsonSubmissionReader.DEFAULT_SOURCE : source)
                .build();
        send(ctx, takedown, List.of());
    }

    /** {@code GET /v1/healthz}: 200 while submissions can be sent. */
    void health(Context ctx) {
        boolean up = sink.isReady();
        write(ctx, up ? 200 : 503, "application/json", new Health(up ? "up" : "down"));
    }

    record Health(String status) {
    }

    private DecodedSubmission readStoryFile(byte[] body, String queryId) {
        String defaultId = queryId == null || queryId.isBlank() ? null : queryId.strip();
        StoryFileResult result = storyFiles.parse("request body", body, defaultId);
        if (result instanceof StoryFileResult.Failed failed) {
            return DecodedSubmission.refused(failed.reasons());
        }
        StoryFileResult.Parsed parsed = (StoryFileResult.Parsed) result;
        String articleId = parsed.submission().getArticleId();
        if (defaultId != null && !defaultId.equals(articleId)) {
            return DecodedSubmission.refused(List.of(new RejectionReason("articleId", ReasonCodes.ID_MISMATCH,
                    "The front matter's id '" + articleId + "' differs from ?id=" + defaultId + "; give one of them.")));
        }
        return DecodedSubmission.read(parsed.submission(), parsed.warnings());
    }

    private void send(Context ctx, ArticleSubmitted submission, List<String> warnings) {
        try {
            sink.send(submission);
        } catch (SubmissionSink.SendFailedException e) {
            ctx.header("Retry-After", "5");
            problem(ctx, Problem.of(503, "Service Unavailable", "The submission was not stored; send it again. ("
                    + e.getMessage() + ")", ctx.path()));
            return;
        }
        log.info("Submitted {} revision {} ({}) over HTTP", submission.getArticleId(), submission.getRevision(),
                submission.getAction());
        String statusUrl = ARTICLES + "/" + pathSegment(submission.getArticleId());
        ctx.header("Location", statusUrl);
        write(ctx, 202, "application/json",
                new Receipt(submission.getArticleId(), submission.getRevision(), "submitted", statusUrl, warnings));
    }

    private boolean authorized(Context ctx) {
        if (BearerToken.permits(settings.bearerToken(), ctx.header("Authorization"))) {
            return true;
        }
        ctx.header("WWW-Authenticate", "Bearer");
        problem(ctx, Problem.of(401, "Unauthorized",
                "Send the ingest token as 'Authorization: Bearer <token>'.", ctx.path()));
        return false;
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
            problem(ctx, Problem.of(413, "Content Too Large", "The story is larger than the limit of " + limit
                    + " bytes; shorten it.", ctx.path()));
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    static void problem(Context ctx, Problem problem) {
        write(ctx, problem.status(), Problem.MEDIA_TYPE, problem);
    }

    private static void write(Context ctx, int status, String contentType, Object body) {
        try {
            ctx.status(status).contentType(contentType + ";charset=utf-8").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the response", e);
        }
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
