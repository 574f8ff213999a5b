package org.galley.devstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The books of a Galley cluster, kept from its topics: every submission, and every outcome one can have. A
 * submission is a record on {@code articles.submitted}, or a refusal made at ingest's HTTP door (which never
 * reaches that topic). Each ends in exactly one of:
 *
 * <ul>
 *   <li><b>published</b>: its (story, revision) has a first event on {@code articles.published} ({@code resend}
 *       0, a PUBLISH or a takedown's UNPUBLISH). Later events of one revision with a higher {@code resend} carry
 *       new links and count as re-sends. The same (story, revision, resend) twice is a <b>duplicate</b>: what
 *       exactly-once forbids (or a replay of render or of the topic, which sends every triple again);</li>
 *   <li><b>rejected</b>: a record on {@code articles.rejected}, from ingest's validation, its revision rules, or its
 *       HTTP door;</li>
 *   <li><b>failed</b>: a stage (ingest, enrich, render) dead-lettered it; counted once per (story, revision), and
 *       not at all once that revision was published after all ({@code ./galley dlq replay}). A dead letter whose
 *       revision cannot be read counts on its own.</li>
 * </ul>
 *
 * What is neither is still <b>in flight</b>. On a cluster at rest, submitted = published + rejected + failed.
 */
final class Ledger {

    /** One story's revision. */
    record StoryRevision(String articleId, long revision) {
    }

    /** One event of a revision: its first ({@code resend} 0) or a re-send with new links. */
    record Send(String articleId, long revision, int resend) {

        @Override
        public String toString() {
            return articleId + " revision " + revision + " resend " + resend;
        }
    }

    /**
     * What the books say.
     *
     * @param submittedOnTopic records on {@code articles.submitted}
     * @param refusedAtDoor    refusals made at ingest's HTTP door
     * @param failedByStage    failed submissions by the stage that gave up
     * @param duplicates       events beyond the first of one (story, revision, resend)
     * @param duplicated       some duplicated triples, for the report
     */
    record Reconciliation(long submittedOnTopic, long refusedAtDoor, long published, long rejected, long failed,
                          Map<String, Long> failedByStage, long resends, long duplicates, List<String> duplicated) {

        long submitted() {
            return submittedOnTopic + refusedAtDoor;
        }

        /** Submissions with no outcome yet; negative when there are more outcomes than submissions. */
        long inFlight() {
            return submitted() - published - rejected - failed;
        }

        boolean balanced() {
            return inFlight() == 0;
        }

        /** Whether the books show something wrong, whatever is still in flight. */
        boolean broken() {
            return duplicates > 0 || inFlight() < 0;
        }
    }

    private static final int DUPLICATES_SHOWN = 10;

    private long submittedOnTopic;
    private long refusedAtDoor;
    private long rejected;
    private final Set<StoryRevision> published = new HashSet<>();
    private final Map<Send, Integer> sends = new HashMap<>();
    private final Map<StoryRevision, String> failedRevisions = new HashMap<>();
    private final List<String> unreadableFailures = new ArrayList<>();

    /** A record on {@code articles.submitted}, readable or not. */
    void submitted() {
        submittedOnTopic++;
    }

    /** A record on {@code articles.rejected}; {@code atDoor} when ingest's HTTP door refused it. */
    void rejected(boolean atDoor) {
        rejected++;
        if (atDoor) {
            refusedAtDoor++;
        }
    }

    /** An event on {@code articles.published}. */
    void published(String articleId, long revision, int resend) {
        if (resend == 0) {
            published.add(new StoryRevision(articleId, revision));
        }
        sends.merge(new Send(articleId, revision, resend), 1, Integer::sum);
    }

    /** A dead letter from {@code stage}; {@code revision} null when it cannot be read from the record. */
    void failed(String stage, String articleId, Long revision) {
        if (articleId == null || revision == null) {
            unreadableFailures.add(stage);
        } else {
            failedRevisions.putIfAbsent(new StoryRevision(articleId, revision), stage);
        }
    }

    Reconciliation reconcile() {
        Map<String, Long> byStage = new TreeMap<>();
        unreadableFailures.forEach(stage -> byStage.merge(stage, 1L, Long::sum));
        failedRevisions.forEach((story, stage) -> {
            if (!published.contains(story)) {
                byStage.merge(stage, 1L, Long::sum);
            }
        });
        long failed = byStage.values().stream().mapToLong(Long::longValue).sum();
        long duplicates = sends.values().stream().mapToLong(count -> count - 1).sum();
        List<String> duplicated = sends.entrySet().stream().filter(send -> send.getValue() > 1)
                .map(send -> send.getKey() + " (" + send.getValue() + " times)").sorted().limit(DUPLICATES_SHOWN).toList();
        long resends = sends.keySet().stream().filter(send -> send.resend() > 0).count();
        return new Reconciliation(submittedOnTopic, refusedAtDoor, published.size(), rejected, failed, byStage,
                resends, duplicates, duplicated);
    }
}
