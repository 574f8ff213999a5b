package org.galley.enrich.related;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * ranks first (then the lower article id, so the choice never depends on the order candidates are read in).
 * A story is never related to itself nor to a story that was taken down, and, unless
 * {@link RelatedSettings#includeNewer()}, never to one later than it in publication order ({@link Position}),
 * Hugo's default too.
 *
 * <p>The choice is made within a window, not the whole archive ({@link #window}): for each of the story's tags,
 * the latest {@link RelatedSettings#window()} live stories with that tag earlier than it; with
 * {@code includeNewer}, also the first {@code window} after it (the window is symmetric, so a story's choice
 * still depends only on its neighbours in each tag). So a story's related stories are a function of the
 * stories around it, not of the order they arrived in, and the story index computes them with a few range scans.
 */
public final class RelatedStories {

    private RelatedStories() {
    }

    private record Scored(Listing listing, int shared) {
    }

    /** More shared tags first, then the newer story, then the lower id. */
    private static int bestFirst(Scored a, Scored b) {
        if (a.shared() != b.shared()) {
            return Integer.compare(b.shared(), a.shared());
        }
        int byTime = b.listing().position().firstPublishedAt().compareTo(a.listing().position().firstPublishedAt());
        return byTime != 0 ? byTime : a.listing().articleId().compareTo(b.listing().articleId());
    }

    /**
     * The stories {@code current} is compared with: for each of its tags, the latest {@code window} live stories
     * with that tag that are earlier than it and, with {@code includeNewer}, the first {@code window} later; each
     * once, in publication order. This is the definition; the story index answers the same question with range
     * scans of its {@code stories-by-tag} store.
     */
    public static List<StorySummary> window(StorySummary current, Collection<StorySummary> stories,
                                            RelatedSettings settings) {
        Position at = current.position();
        Map<String, StorySummary> chosen = new HashMap<>();
        for (String tag : current.tagSlugs()) {
            List<StorySummary> tagged = stories.stream()
                    .filter(story -> story.published() && !story.articleId().equals(current.articleId())
                            && story.tagSlugs().contains(tag))
                    .sorted(Comparator.comparing(StorySummary::position))
                    .toList();
            List<StorySummary> earlier = tagged.stream().filter(story -> story.position().isBefore(at)).toList();
            earlier.subList(Math.max(0, earlier.size() - settings.window()), earlier.size())
                    .forEach(story -> chosen.put(story.articleId(), story));
            if (settings.includeNewer()) {
                tagged.stream().filter(story -> at.isBefore(story.position())).limit(settings.window())
                        .forEach(story -> chosen.put(story.articleId(), story));
            }
        }
        return chosen.values().stream().sorted(Comparator.comparing(StorySummary::position)).toList();
    }

    /** The related stories of {@code current} among {@code candidates}, best first, with their labels. */
    public static List<RelatedChoice> choose(StorySummary current, Stream<StorySummary> candidates,
                                             RelatedSettings settings, Vocabulary vocabulary) {
        Map<String, StorySummary> live = new HashMap<>();
        Stream<Listing> listings = candidates.filter(StorySummary::published).map(story -> {
            live.put(story.articleId(), story);
            return Listing.of(story);
        });
        List<Listing> best = rank(current, listings, settings);
        Set<String> currentTags = slugs(current);
        return best.stream()
                .map(listing -> choice(live.get(listing.articleId()), currentTags, vocabulary))
                .toList();
    }

    /** A chosen story with its label and the number of tags it shares with the current one. */
    public static RelatedChoice choice(StorySummary related, Set<String> currentTagSlugs, Vocabulary vocabulary) {
        return new RelatedChoice(related, label(related, currentTagSlugs, vocabulary),
                shared(related.tagSlugs(), currentTagSlugs));
    }

    /**
     * The best {@link RelatedSettings#maxStories()} of {@code candidates} (live stories, possibly listed more than
     * once) for {@code current}, best first: more shared tags, then newer, then lower id. Itself, stories sharing
     * no tag and, unless {@code includeNewer}, later stories are never chosen.
     */
    public static List<Listing> rank(StorySummary current, Stream<Listing> candidates, RelatedSettings settings) {
        if (settings.maxStories() == 0) {
            return List.of();
        }
        Position at = current.position();
        Set<String> currentTags = slugs(current);
        Set<String> seen = new HashSet<>();
        // The best few, kept in order as the candidates stream past: there are many candidates and few choices.
        List<Scored> best = new ArrayList<>(settings.maxStories() + 1);
        candidates.forEach(other -> {
            if (other.articleId().equals(current.articleId()) || !seen.add(other.articleId())
                    || (!settings.includeNewer() && at.isBefore(other.position()))) {
                return;
            }
            int shared = shared(other.tagSlugs(), currentTags);
            if (shared == 0) {
                return;
            }
            Scored scored = new Scored(other, shared);
            int place = best.size();
            while (place > 0 && bestFirst(scored, best.get(place - 1)) < 0) {
                place--;
            }
            if (place < settings.maxStories()) {
                best.add(place, scored);
                if (best.size() > settings.maxStories()) {
                    best.remove(best.size() - 1);
                }
            }
        });
        return best.stream().map(Scored::listing).toList();
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

    private static int shared(List<String> otherTags, Set<String> currentTags) {
        int shared = 0;
        for (String tag : otherTags) {
            if (currentTags.contains(tag)) {
                shared++;
            }
        }
        return shared;
    }

    public static Set<String> slugs(StorySummary story) {
        return story.tags().stream().map(StoryTag::slug).collect(Collectors.toCollection(HashSet::new));
    }
}
