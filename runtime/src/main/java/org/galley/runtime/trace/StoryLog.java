package org.galley.runtime.trace;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * Names the story a thread is working on in the logging MDC, so every log line about it carries
 * {@value #ARTICLE_ID}, {@value #REVISION} and {@value #TRACE_ID} (as fields in JSON lines, appended in text
 * lines; see logback.xml). Open it around one record's processing and close it after; closing restores what the
 * MDC held before, so scopes nest (the site's reader inside a poll, a story re-sent while another is indexed).
 *
 * <pre>{@code try (StoryLog.Scope story = StoryLog.open(articleId, revision, trace)) { ... } }</pre>
 */
public final class StoryLog {

    public static final String ARTICLE_ID = "articleId";
    public static final String REVISION = "revision";
    public static final String TRACE_ID = "traceId";

    private StoryLog() {
    }

    /** A scope that leaves out what is null (a rejection with no article id, an event without a trace). */
    public static Scope open(String articleId, Object revision, TraceParent trace) {
        Map<String, String> previous = new HashMap<>();
        for (String key : new String[] {ARTICLE_ID, REVISION, TRACE_ID}) {
            previous.put(key, MDC.get(key));
        }
        set(ARTICLE_ID, articleId);
        set(REVISION, revision == null ? null : revision.toString());
        set(TRACE_ID, trace == null ? null : trace.traceId());
        return () -> previous.forEach(StoryLog::set);
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** Restores the MDC as it was when the scope opened; never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
