package org.galley.enrich.related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.text.Slugs;

/**
 * Chooses the stories a page suggests reading next, weighted as Hugo's {@code .Related} weighs a tags index:
 * every tag two stories share adds the same weight, and among equal weights the more recently published story
 * ranks first (then the lower article id, so the choice never depends on the order the index is read in).
 * A story is never related to itself nor to a story that was taken down, and, unless
 * {@link RelatedSettings#includeNewer()}, never to one published after it (Hugo's default too).
 */
public final class RelatedStories {

    private RelatedStories() {
    }

    private record Scored(StorySummary story, int shared) {
    }

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::shared).reversed()
            .thenComparing((Scored s) -> s.story().firstPublishedAt(), Comparator.reverseOrder())
            .thenComparing(s -> s.story().articleId());

    public static List<RelatedChoice> choose(StorySummary current, Stream<StorySummary> index,
                                             RelatedSettings settings, Vocabulary vocabulary) {
        Set<String> currentTags = slugs(current);
        // The best few, kept in order as the index streams past: the index is large and the choice is small.
        List<Scored> best = new ArrayList<>(settings.maxStories() + 1);
        index.forEach(other -> {
            if (settings.maxStories() == 0 || !other.published() || other.articleId().equals(current.articleId())
                    || (!settings.includeNewer() && other.firstPublishedAt().isAfter(current.firstPublishedAt()))) {
                return;
            }
            int shared = shared(other, currentTags);
            if (shared == 0) {
                return;
            }
            Scored scored = new Scored(other, shared);
            int at = best.size();
            while (at > 0 && BEST_FIRST.compare(scored, best.get(at - 1)) < 0) {
                at--;
            }
            if (at < settings.maxStories()) {
                best.add(at, scored);
                if (best.size() > settings.maxStories()) {
                    best.remove(best.size() - 1);
                }
            }
        });
        return best.stream()
                .map(scored -> new RelatedChoice(scored.story(), label(scored.story(), currentTags, vocabulary),
                        scored.shared()))
                .toList();
    }

    /**
     * The short name a link to {@code related} is labelled with ("Read the Claude story"): of its tags that the
     * current story lacks, the one its headline names first ("Kestrel" for "Kestrel 3.0 Brings Tiered Storage..."),
     * else its most salient one (its first in its own order); then, if a narrower term of that tag (by the
     * vocabulary's {@code broader}) is missing too, the narrower one, which names the story better ("Claude" rather
     * than "Anthropic"). Without such a tag, its first tag; without tags, its headline.
     */
    public static String label(StorySummary related, Set<String> currentTagSlugs, Vocabulary vocabulary) {
        List<StoryTag> missing = related.tags().stream()
                .filter(tag -> !currentTagSlugs.contains(tag.slug()))
                .toList();
        if (missing.isEmpty()) {
            return related.tags().isEmpty() ? related.headline() : related.tags().get(0).name();
        }
        StoryTag label = firstInHeadline(missing, related.headline()).orElse(missing.get(0));
        Set<String> seen = new HashSet<>();
        while (seen.add(label.slug())) {
            Optional<StoryTag> narrower = narrowerOf(label, missing, vocabulary);
            if (narrower.isEmpty()) {
                break;
            }
            label = narrower.get();
        }
        return label.name();
    }

    private static Optional<StoryTag> firstInHeadline(List<StoryTag> tags, String headline) {
        String words = "-" + Slugs.slugify(headline, Integer.MAX_VALUE) + "-";
        return tags.stream()
                .filter(tag -> words.contains("-" + tag.slug() + "-"))
                .min(Comparator.comparingInt(tag -> words.indexOf("-" + tag.slug() + "-")));
    }

    private static Optional<StoryTag> narrowerOf(StoryTag tag, List<StoryTag> candidates, Vocabulary vocabulary) {
        return candidates.stream()
                .filter(candidate -> vocabulary.broaderOf(candidate.slug()).filter(tag.slug()::equals).isPresent())
                .findFirst();
    }

    private static int shared(StorySummary other, Set<String> currentTags) {
        int shared = 0;
        for (StoryTag tag : other.tags()) {
            if (currentTags.contains(tag.slug())) {
                shared++;
            }
        }
        return shared;
    }

    public static Set<String> slugs(StorySummary story) {
        return story.tags().stream().map(StoryTag::slug).collect(Collectors.toCollection(HashSet::new));
    }
}
