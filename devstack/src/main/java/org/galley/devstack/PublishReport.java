package org.galley.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;


/**
 * What became of each story file the local stack published (its status, as ingest answers it), in the order the
 * stories were resolved, which of them an
 * earlier run had already sent at the same revision (so they were not sent again), whether the pipeline then
 * settled (so the site is final), and the exit code that follows from it: a story that failed in a later stage
 * (enrich, render) counts as not published, like one with no answer in time.
 */
record PublishReport(List<Entry> entries, Set<String> notResent, boolean settled) {

    PublishReport {
        entries = List.copyOf(entries);
        notResent = Set.copyOf(notResent);
    }

    PublishReport(List<Entry> entries, boolean settled) {
        this(entries, Set.of(), settled);
    }

    /** One story file and its status; {@code status} is null when the pipeline did not answer in time. */
    record Entry(String fileName, String articleId, StoryStatus status, String siteUrl) {

        boolean published() {
            return is(StoryStatus.Kind.PUBLISHED);
        }

        boolean rejected() {
            return is(StoryStatus.Kind.REJECTED);
        }

        boolean failed() {
            return is(StoryStatus.Kind.FAILED);
        }

        boolean is(StoryStatus.Kind kind) {
            return status != null && status.kind() == kind;
        }

        /** The story's line in the console, e.g. {@code ✓  published    story.md    http://…}. */
        String describe(Duration storyTimeout) {
            if (status == null) {
                return "  ?  " + fileName + ": no answer within " + storyTimeout.toSeconds() + " s";
            }
            return switch (status.kind()) {
                case PUBLISHED -> String.format("  ✓  published    %-36s %s", fileName, siteUrl);
                case UNPUBLISHED -> String.format("  -  unpublished  %s", fileName);
                case SCHEDULED -> String.format("  ⏲  scheduled    %-36s goes out at %s", fileName, status.releaseAt());
                case CANCELLED -> String.format("  -  cancelled    %-36s taken down before its time", fileName);
                case REJECTED -> String.format("  ✗  rejected     %-36s %s", fileName, String.join("; ", status.reasons()));
                case FAILED -> String.format("  !  failed       %-36s in %s: %s", fileName,
                        status.stage() == null ? "a later stage" : status.stage(), String.join("; ", status.reasons()));
                // Never resolved with these (InFlightWindow waits them out), but the line must say something.
                case PREVIEWED -> String.format("  👁  preview      %-36s %s", fileName, siteUrl);
                case SUBMITTED, ACCEPTED -> String.format("  ?  %-11s  %s", status.kind().name().toLowerCase(java.util.Locale.ROOT), fileName);
            };
        }
    }

    boolean hasRejections() {
        return entries.stream().anyMatch(Entry::rejected);
    }

    boolean hasUnresolved() {
        return entries.stream().anyMatch(entry -> entry.status() == null);
    }

    boolean hasFailures() {
        return entries.stream().anyMatch(Entry::failed);
    }

    int exitCode() {
        if (hasUnresolved() || hasFailures() || !settled) {
            return UpCommand.FAILED;
        }
        return hasRejections() ? UpCommand.SOME_REJECTED : UpCommand.ALL_PUBLISHED;
    }

    String summary() {
        long published = entries.stream().filter(Entry::published).count();
        long rejected = entries.stream().filter(Entry::rejected).count();
        long failed = entries.stream().filter(Entry::failed).count();
        long unresolved = entries.stream().filter(entry -> entry.status() == null).count();
        long scheduled = entries.stream().filter(entry -> entry.is(StoryStatus.Kind.SCHEDULED)).count();
        long previews = entries.stream().filter(entry -> entry.is(StoryStatus.Kind.PREVIEWED)).count();
        long alreadyPublished = entries.stream()
                .filter(entry -> entry.published() && notResent.contains(entry.articleId())).count();
        return published + " published" + (alreadyPublished > 0 ? " (" + alreadyPublished + " of them already were, by an "
                + "earlier run, at the same revision: not sent again)" : "") + ", " + rejected + " rejected"
                + (scheduled > 0 ? ", " + scheduled + " scheduled for later" : "")
                + (previews > 0 ? ", " + previews + (previews == 1 ? " preview" : " previews") : "")
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (unresolved > 0 ? ", " + unresolved + " with no answer in time" : "")
                + (settled || unresolved > 0 ? "" : "; the pipeline was still busy, so the site may not be final") + ".";
    }
}
