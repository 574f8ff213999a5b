package org.galley.runtime.trace;

import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.galley.runtime.ServiceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each stage hop gets its span id, and where spans go. Without {@value #ENDPOINT} no OpenTelemetry SDK is
 * created at all: span ids are random and nothing is recorded or sent. With it, each hop is a span of the
 * OpenTelemetry SDK, a child of the incoming event's {@code traceparent}, batched out over OTLP/HTTP
 * (protobuf) to {@code <endpoint>/v1/traces} (or {@value #TRACES_ENDPOINT} as given), under the service name
 * {@code OTEL_SERVICE_NAME} or the stage's own; the SDK's span id becomes the written event's span id.
 *
 * <p>A hop's span marks the moment a stage wrote its events for one story (it starts and ends there): the trace
 * shows the path and, in the gaps between spans, how long the story waited and was worked on at each stage.
 */
public final class Tracing {

    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final AttributeKey<String> ARTICLE_ID = AttributeKey.stringKey("galley.article_id");

    private static final Logger log = LoggerFactory.getLogger(Tracing.class);
    private static final Tracing NONE = new Tracing(null);

    private final Tracer tracer;

    private Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Random span ids, nothing recorded: topology tests, and any deployment without an OTLP endpoint. */
    public static Tracing none() {
        return NONE;
    }

    /** Exports through OTLP when {@value #ENDPOINT} or {@value #TRACES_ENDPOINT} is set, else {@link #none()}. */
    public static Tracing fromConfig(ServiceConfig config, String serviceName) {
        String url = config.find(TRACES_ENDPOINT)
                .or(() -> config.find(ENDPOINT).map(base -> base.replaceAll("/+$", "") + "/v1/traces"))
                .orElse(null);
        if (url == null) {
            return none();
        }
        log.info("Sending trace spans over OTLP to {}", url);
        return exportingTo(OtlpHttpSpanExporter.builder().setEndpoint(url).build(),
                config.get("OTEL_SERVICE_NAME", serviceName), true);
    }

    /** @param batch false to hand each span to the exporter as it ends (tests) */
    static Tracing exportingTo(SpanExporter exporter, String serviceName, boolean batch) {
        SpanProcessor processor = batch
                ? BatchSpanProcessor.builder(exporter).build()
                : io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(exporter);
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
                .addSpanProcessor(processor)
                .build();
        // Spans still batched at shutdown go out before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> provider.shutdown().join(5, TimeUnit.SECONDS), serviceName + "-tracing-shutdown"));
        return new Tracing(provider.get("org.galley"));
    }

    /** True when spans are recorded and sent. */
    public boolean exports() {
        return tracer != null;
    }

    /**
     * One stage hop of a story: the trace context its outputs carry, a child of {@code parent}, or the start of
     * a new trace when there is none (intake).
     *
     * @param name the hop's span name, e.g. {@code enrich}
     */
    public TraceParent hop(String name, TraceParent parent, String articleId) {
        if (tracer == null) {
            return parent == null ? TraceParent.start() : parent.child();
        }
        SpanBuilder span = tracer.spanBuilder(name).setSpanKind(parent == null ? SpanKind.SERVER : SpanKind.CONSUMER);
        if (parent == null) {
            span.setNoParent();
        } else {
            span.setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(parent.traceId(),
                    parent.spanId(), TraceFlags.fromByte((byte) parent.flags()), TraceState.getDefault()))));
        }
        if (articleId != null) {
            span.setAttribute(ARTICLE_ID, articleId);
        }
        Span started = span.startSpan();
        started.end();
        SpanContext written = started.getSpanContext();
        return new TraceParent(written.getTraceId(), written.getSpanId(), written.getTraceFlags().asByte() & 0xff);
    }
}
