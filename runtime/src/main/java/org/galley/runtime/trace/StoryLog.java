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
 *
 * <p>An article id may come from a request or a raw Kafka record not yet validated, so its control characters
 * are escaped and it is cut at {@value #MAX_ID} characters: no id can forge a log line.
 */
public final class StoryLog {

    public static final String ARTICLE_ID = "articleId";
    public static final String REVISION = "revision";
    public static final String TRACE_ID = "traceId";

    static final int MAX_ID = 200;

    private StoryLog() {
    }

    /** A scope that leaves out what is null (a rejection with no article id, an event without a trace). */
    public static Scope open(String articleId, Object revision, TraceParent trace) {
        Map<String, String> previous = new HashMap<>();
        for (String key : new String[] {ARTICLE_ID, REVISION, TRACE_ID}) {
            previous.put(key, MDC.get(key));
        }
        set(ARTICLE_ID, articleId == null ? null : printable(articleId));
        set(REVISION, revision == null ? null : revision.toString());
        set(TRACE_ID, trace == null ? null : trace.traceId());
        return () -> previous.forEach(StoryLog::set);
    }

    static String printable(String text) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < MAX_ID; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.length() < MAX_ID ? safe.toString() : safe + "...";
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
