package org.galley.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.galley.site.Outcome;

/**
 * What became of each story file the local stack published, in the order the outcomes arrived, which of them an
 * earlier run had already sent at the same revision (so they were not sent again), whether the pipeline then
 * settled (so the site is final), and the exit code that follows from it.
 */
record PublishReport(List<Entry> entries, Set<String> notResent, boolean settled) {

    PublishReport {
        entries = List.copyOf(entries);
        notResent = Set.copyOf(notResent);
    }

    PublishReport(List<Entry> entries, boolean settled) {
        this(entries, Set.of(), settled);
    }

    /** One story file and its outcome; {@code outcome} is null when the pipeline did not answer in time. */
    record Entry(String fileName, String articleId, Outcome outcome, String siteUrl) {

        boolean published() {
            return outcome != null && outcome.kind() == Outcome.Kind.PUBLISHED;
        }

        boolean rejected() {
            return outcome != null && outcome.kind() == Outcome.Kind.REJECTED;
        }

        /** The story's line in the console, e.g. {@code ✓  published    story.md    http://…}. */
        String describe(Duration storyTimeout) {
            if (outcome == null) {
                return "  ?  " + fileName + ": no answer within " + storyTimeout.toSeconds() + " s";
            }
            return switch (outcome.kind()) {
                case PUBLISHED -> String.format("  ✓  published    %-36s %s", fileName, siteUrl);
                case UNPUBLISHED -> String.format("  -  unpublished  %s", fileName);
                case REJECTED -> String.format("  ✗  rejected     %-36s %s", fileName, String.join("; ", outcome.reasons()));
            };
        }
    }

    boolean hasRejections() {
        return entries.stream().anyMatch(Entry::rejected);
    }

    boolean hasUnresolved() {
        return entries.stream().anyMatch(entry -> entry.outcome() == null);
    }

    int exitCode() {
        if (hasUnresolved() || !settled) {
            return UpCommand.FAILED;
        }
        return hasRejections() ? UpCommand.SOME_REJECTED : UpCommand.ALL_PUBLISHED;
    }

    String summary() {
        long published = entries.stream().filter(Entry::published).count();
        long rejected = entries.stream().filter(Entry::rejected).count();
        long unresolved = entries.stream().filter(entry -> entry.outcome() == null).count();
        long alreadyPublished = entries.stream()
                .filter(entry -> entry.published() && notResent.contains(entry.articleId())).count();
        return published + " published" + (alreadyPublished > 0 ? " (" + alreadyPublished + " of them already were, by an "
                + "earlier run, at the same revision: not sent again)" : "") + ", " + rejected + " rejected"
                + (unresolved > 0 ? ", " + unresolved + " with no answer in time" : "")
                + (settled || unresolved > 0 ? "" : "; the pipeline was still busy, so the site may not be final") + ".";
    }
}
