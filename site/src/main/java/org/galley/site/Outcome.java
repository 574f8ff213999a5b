package org.galley.site;

import java.util.List;

/** The last thing that became of a story, as the site saw it: published, taken down, or rejected with reasons. */
public record Outcome(Kind kind, String articleId, Long revision, String path, List<String> reasons) {

    public enum Kind { PUBLISHED, UNPUBLISHED, REJECTED }
}
