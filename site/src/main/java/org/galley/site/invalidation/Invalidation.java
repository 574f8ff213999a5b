package org.galley.site.invalidation;

import org.galley.events.CacheInvalidation;
import org.galley.runtime.trace.TraceParent;

/**
 * One cache invalidation to announce, with the trace of the published event that caused it (null when that
 * event carried none), so the announcement goes on in the story's trace.
 */
public record Invalidation(CacheInvalidation event, TraceParent trace) {
}
