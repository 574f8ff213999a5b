package org.galley.ingest.http;

import java.time.Clock;

import io.javalin.Javalin;
import org.galley.ingest.IngestSettings;
import org.galley.runtime.GalleyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's HTTP front door: newsroom tools submit stories here and each becomes an {@code ArticleSubmitted}
 * on {@code articles.submitted} through a {@link SubmissionSink}.
 *
 * <ul>
 *   <li>{@code POST /v1/articles} with {@code application/json} or {@code text/markdown} (a story file;
 *       {@code ?id=} names the article when the front matter does not) -> 202 with a receipt</li>
 *   <li>{@code DELETE /v1/articles/{id}} ({@code ?revision=}, default the current time in millis) -> 202</li>
 *   <li>{@code GET /v1/healthz} -> 200 while submissions can be sent, else 503</li>
 * </ul>
 * Problems are answered as RFC 9457 {@code application/problem+json}: 400 unreadable, 401 without the bearer
 * token (when one is configured), 413 over the size limit, 415 other media types, 503 when Kafka did not
 * store the submission.
 */
public final class IngestHttpServer implements GalleyService {

    private static final Logger log = LoggerFactory.getLogger(IngestHttpServer.class);

    private final IngestSettings settings;
    private final SubmissionSink sink;
    private final Clock clock;
    private Javalin app;

    public IngestHttpServer(IngestSettings settings, SubmissionSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "galley-ingest-http";
    }

    @Override
    public synchronized void start() {
        if (app != null) {
            return;
        }
        ArticleEndpoints endpoints = new ArticleEndpoints(settings, sink, clock);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxStoryBytes();
            config.routes.post(ArticleEndpoints.ARTICLES, endpoints::submit);
            config.routes.delete(ArticleEndpoints.ARTICLES + "/{id}", endpoints::unpublish);
            config.routes.get("/v1/healthz", endpoints::health);
            config.routes.error(404, ctx -> ArticleEndpoints.problem(ctx, Problem.of(404, "Not Found",
                    "There is nothing at " + ctx.method() + " " + ctx.path() + ".", ctx.path())));
            config.routes.exception(Exception.class, (error, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), error);
                ArticleEndpoints.problem(ctx, Problem.of(500, "Internal Server Error",
                        "The request failed inside ingest; nothing is known to be stored. Try again.", ctx.path()));
            });
        }).start(settings.httpPort());
        log.info("Ingest HTTP front door listening on port {}", app.port());
    }

    /** The port listened on; with port 0 in the settings, the free one that was picked. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("The HTTP server is not running");
        }
        return app.port();
    }

    @Override
    public synchronized boolean isHealthy() {
        return app != null && sink.isReady();
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
