package org.galley.devstack;

import java.util.List;

import org.galley.site.Outcome;

/** What became of each story file the local stack published, and the exit code that follows from it. */
record PublishReport(List<Entry> entries) {

    /** One story file and its outcome; {@code outcome} is null when the pipeline did not answer in time. */
    record Entry(String fileName, String articleId, Outcome outcome, String siteUrl) {

        boolean published() {
            return outcome != null && outcome.kind() == Outcome.Kind.PUBLISHED;
        }

        boolean rejected() {
            return outcome != null && outcome.kind() == Outcome.Kind.REJECTED;
        }
    }

    boolean hasRejections() {
        return entries.stream().anyMatch(Entry::rejected);
    }

    boolean hasUnresolved() {
        return entries.stream().anyMatch(entry -> entry.outcome() == null);
    }

    int exitCode() {
        return hasUnresolved() ? UpCommand.FAILED : hasRejections() ? UpCommand.SOME_REJECTED : UpCommand.ALL_PUBLISHED;
    }

    String summary() {
        long published = entries.stream().filter(Entry::published).count();
        long rejected = entries.stream().filter(Entry::rejected).count();
        long unresolved = entries.stream().filter(entry -> entry.outcome() == null).count();
        return published + " published, " + rejected + " rejected"
                + (unresolved > 0 ? ", " + unresolved + " with no answer in time" : "") + ".";
    }
}
