package org.galley.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.galley.ingest.IngestSettings;
import org.galley.ingest.preview.PreviewTokens;
import org.galley.ingest.status.StatusLookup;
import org.galley.runtime.GalleyService;
import org.galley.runtime.trace.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's HTTP front door: newsroom tools submit stories here, each becoming an {@code ArticleSubmitted} on
 * {@code articles.submitted} (or, when invalid, an {@code ArticleRejected} on {@code articles.rejected})
 * through a {@link SubmissionSink}, and follow them through the pipeline. The API is described in
 * {@code ingest/openapi.yaml}.
 *
 * <ul>
 *   <li>{@code POST /v1/articles} with {@code application/json} or {@code text/markdown} (a story file;
 *       {@code ?id=} names the article when the front matter does not) -> 202 with a receipt</li>
 *   <li>{@code DELETE /v1/articles/{id}} ({@code ?revision=}, default the next after the newest accepted) -> 202;
 *       404 for a story never accepted</li>
 *   <li>{@code GET /v1/articles/{id}} -> 200 with the story's status, from a {@link StatusLookup}</li>
 *   <li>{@code POST /v1/statuses} with {@code {"ids": [...]}} -> 200 with the status of each of up to 1,000
 *       stories, for tools that follow many at once</li>
 *   <li>{@code GET /v1/healthz} -> 200 while submissions can be sent, else 503</li>
 * </ul>
 * It refuses to start beyond loopback without a token unless told so
 * ({@link IngestSettings#requireTokenBeyondLoopback}).
 * Problems are answered as RFC 9457 {@code application/problem+json}: 400 unreadable, 401 without the bearer
 * token (when one is configured), 404 unknown story, 409 a duplicate or older revision, 413 over the size
 * limit, 415 other media types, 422 an invalid story (recorded as rejected), 503 when Kafka did not store the request or the status cannot be read.
 */
public final class IngestHttpServer implements GalleyService {

    private static final Logger log = LoggerFactory.getLogger(IngestHttpServer.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final PreviewTokens previewTokens;
    private final IngestSettings settings;
    private final SubmissionSink sink;
    private final StatusLookup statuses;
    private final Clock clock;
    private final Tracing tracing;
    private final List<String> routes = new ArrayList<>();
    private Javalin app;

    public IngestHttpServer(IngestSettings settings, SubmissionSink sink, StatusLookup statuses, Clock clock) {
        this(settings, sink, statuses, clock, Tracing.none());
    }

    /** @param tracing where the trace each request starts is recorded */
    public IngestHttpServer(IngestSettings settings, SubmissionSink sink, StatusLookup statuses, Clock clock,
                            Tracing tracing) {
        this(settings, sink, statuses, new PreviewTokens(PreviewTokens.randomSecret()), clock, tracing);
    }

    /** @param previewTokens the addresses of previews, as ingest's topology gives them */
    public IngestHttpServer(IngestSettings settings, SubmissionSink sink, StatusLookup statuses,
                            PreviewTokens previewTokens, Clock clock, Tracing tracing) {
        this.previewTokens = previewTokens;
        this.settings = settings;
        this.sink = sink;
        this.statuses = statuses;
        this.clock = clock;
        this.tracing = tracing;
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
        settings.requireTokenBeyondLoopback();
        if (settings.bearerToken().isEmpty() && !settings.isLoopbackOnly()) {
            log.warn("Ingest's HTTP API listens on {} without a token (GALLEY_INGEST_AUTH=none): anyone who can "
                    + "reach it can submit and take down stories. Set GALLEY_INGEST_TOKEN unless a proxy in front "
                    + "authenticates every request.", settings.httpHost());
        }
        StatusForwarder forwarder = new StatusForwarder(FORWARD_TIMEOUT);
        ArticleEndpoints articles = new ArticleEndpoints(settings, sink, new AcceptedRevisions(statuses, forwarder),
                previewTokens, clock, tracing);
        StatusEndpoint status = new StatusEndpoint(settings, statuses, forwarder);
        StatusBatchEndpoint batch = new StatusBatchEndpoint(settings, statuses, forwarder);
        routes.clear();
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxStoryBytes();
            route(config, HandlerType.POST, ArticleEndpoints.ARTICLES, articles::submit);
            route(config, HandlerType.GET, ArticleEndpoints.ARTICLES + "/{id}", status::get);
            route(config, HandlerType.DELETE, ArticleEndpoints.ARTICLES + "/{id}", articles::unpublish);
            route(config, HandlerType.POST, StatusBatchEndpoint.PATH, batch::post);
            route(config, HandlerType.GET, "/v1/healthz", articles::health);
            config.routes.error(404, ctx -> Replies.problem(ctx, Problem.of(404, "Not Found",
                    "There is nothing at " + ctx.method() + " " + ctx.path() + ".", ctx.path())));
            config.routes.exception(Exception.class, (error, ctx) -> Replies.failed(ctx, error));
        }).start(settings.httpHost(), settings.httpPort());
        log.info("Ingest HTTP front door listening on {}:{}", settings.httpHost(), app.port());
    }

    private void route(JavalinConfig config, HandlerType method, String path, Handler handler) {
        config.routes.addHttpHandler(method, path, handler);
        routes.add(method.name() + " " + path);
    }

    /** Every route served, as "METHOD /path/{param}", so the API description can be checked against it. */
    public synchronized List<String> routes() {
        return List.copyOf(routes);
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
