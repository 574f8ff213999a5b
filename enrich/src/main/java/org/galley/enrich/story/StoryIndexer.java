package org.galley.enrich.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.galley.enrich.related.Link;
import org.galley.enrich.related.Listing;
import org.galley.enrich.related.Position;
import org.galley.enrich.related.RelatedChoice;
import org.galley.enrich.related.RelatedSettings;
import org.galley.enrich.related.RelatedStories;
import org.galley.enrich.related.StorySummary;
import org.galley.enrich.related.Ticker;
import org.galley.enrich.tags.StoryTag;
import org.galley.enrich.tags.Vocabulary;
import org.galley.enrich.text.Slugs;
import org.galley.events.Action;
import org.galley.events.ArticleEnriched;
import org.galley.events.ArticleSubmitted;
import org.galley.events.Headline;
import org.galley.events.RelatedStory;
import org.galley.runtime.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The half of enrichment that needs the other stories: it turns a {@link StoryEnricher} draft into the final
 * event, against the {@link StoryIndex}, and sends again the other stories whose links the draft changed.
 *
 * <ul>
 *   <li>A story's first accepted revision claims its slug, made unique across stories ({@link SlugClaims}); its
 *       path is fixed with it. Every later revision, and an unpublish, reuses both, whatever its headline or
 *       category says, so a story's address never changes.</li>
 *   <li>{@code firstPublishedAt} is the first revision's; corrections keep it, so a story's place in publication
 *       order ({@link Position}) never changes.</li>
 *   <li>A PUBLISH gets up to N related stories, chosen within its tags' windows ({@link RelatedStories}), and its
 *       ticker ({@link Ticker}); it is listed as live and its draft kept.</li>
 *   <li>An UNPUBLISH carries the story's known slug, path and URL, with no tags, related stories or ticker, and
 *       unlists it, so no page offers it again; its slug stays reserved for it and its draft is dropped. An
 *       UNPUBLISH for a story never seen still goes out (with a slug from its id) so downstream can act, and is
 *       logged.</li>
 * </ul>
 *
 * <p><b>Convergence.</b> A story's related stories and ticker are functions of the live stories around it, so
 * they must not depend on which story arrived first. When a story E appears, disappears or changes what others
 * show of it (headline, tags), the only stories whose links can change are those that hold E, or could now hold
 * it, in a window: the next {@code TICKER_SIZE - 1} live stories after E (a ticker holds its own story and
 * the ones before it), and the next {@code window} live stories in each of E's old and new tags (with
 * {@code includeNewer}, also the {@code window} before E in each). Each of those is computed again from the index
 * and, when its links differ from the ones it was last sent with, completed again from its stored draft (same
 * submission and revision) and sent after E's own event, in publication order. By induction, after every story
 * each live story's last event carries the links the definitions give for the stories indexed so far, whatever
 * the order they came in. The work per story is bounded by the windows (tags x window, each a range scan), never
 * by the size of the archive.
 *
 * <p><b>Re-sends are numbered.</b> A story's own event (a new revision, or a takedown) carries {@code resend} 0;
 * each relink of that revision carries the next number, kept in its {@link StorySummary#resend()}, so
 * {@code (articleId, revision, resend)} names one event and a consumer can tell a re-send from a duplicate. The
 * number is taken when the relink is made: one that the story index step's pending relinks replace before they
 * are sent leaves a gap, so the numbers a consumer sees are unique and increasing, not consecutive.
 */
public final class StoryIndexer {

    private static final Logger log = LoggerFactory.getLogger(StoryIndexer.class);

    private final SiteSettings site;
    private final RelatedSettings related;
    private final Vocabulary vocabulary;

    /**
     * What one draft produced.
     *
     * @param story    the story's own event
     * @param relinked events for other stories whose related stories or ticker it changed, in publication order,
     *                 each numbered as its revision's next re-send
     */
    public record Indexed(ArticleEnriched story, List<ArticleEnriched> relinked) {

        public Indexed {
            relinked = List.copyOf(relinked);
        }

        /** The story's event, then the relinked ones: the order they are sent in. */
        public List<ArticleEnriched> all() {
            return Stream.concat(Stream.of(story), relinked.stream()).toList();
        }
    }

    /** A story's links as computed now: related choices (with labels) and ticker stories, newest first. */
    private record Links(List<RelatedChoice> related, List<StorySummary> ticker) {

        List<Link> relatedLinks() {
            return related.stream()
                    .map(choice -> new Link(choice.story().articleId(), choice.story().headline(), choice.label()))
                    .toList();
        }

        List<Link> tickerLinks() {
            return ticker.stream().map(story -> new Link(story.articleId(), story.headline(), "")).toList();
        }

        boolean shownBy(StorySummary story) {
            return relatedLinks().equals(story.related()) && tickerLinks().equals(story.ticker());
        }
    }

    public StoryIndexer(SiteSettings site, RelatedSettings related, Vocabulary vocabulary) {
        this.site = site;
        this.related = related;
        this.vocabulary = vocabulary;
    }

    public Indexed index(ArticleEnriched draft, StoryIndex index) {
        ArticleSubmitted submission = draft.getSubmission();
        Optional<StorySummary> known = index.story(submission.getArticleId());
        if (submission.getAction() == Action.UNPUBLISH) {
            return unpublish(draft, known, index);
        }
        List<StoryTag> tags = draft.getTags().stream().map(tag -> new StoryTag(tag.getName(), tag.getSlug())).toList();
        StorySummary filed = known
                .map(previous -> previous.revised(submission.getHeadline(), tags))
                .orElseGet(() -> firstRevision(draft, tags, index));
        relist(known.orElse(null), filed, index);
        Links links = links(filed, index);
        StorySummary story = filed.withLinks(links.relatedLinks(), links.tickerLinks());
        index.put(story);
        index.putDraft(draft);
        return new Indexed(complete(draft, story, links), relink(known.orElse(null), story, index));
    }

    private StorySummary firstRevision(ArticleEnriched draft, List<StoryTag> tags, StoryIndex index) {
        ArticleSubmitted submission = draft.getSubmission();
        String articleId = submission.getArticleId();
        String slug = SlugClaims.firstFree(draft.getSlug(), articleId, index::slugOwner);
        if (!slug.equals(draft.getSlug())) {
            log.info("Story {} gets slug '{}': '{}' belongs to story {}", articleId, slug, draft.getSlug(),
                    index.slugOwner(draft.getSlug()).orElse("?"));
        }
        index.claimSlug(slug, articleId);
        return new StorySummary(articleId, submission.getHeadline(), slug, Slugs.path(submission.getCategory(), slug),
                tags, draft.getFirstPublishedAt(), true);
    }

    private Indexed unpublish(ArticleEnriched draft, Optional<StorySummary> known, StoryIndex index) {
        if (known.isEmpty()) {
            log.warn("Unpublish for story {} (revision {}), which enrich has never seen; passing it on as {}",
                    draft.getSubmission().getArticleId(), draft.getSubmission().getRevision(), draft.getPath());
            return new Indexed(draft, List.of());
        }
        StorySummary story = known.get().unpublished();
        relist(known.get(), story, index);
        index.put(story);
        index.removeDraft(story.articleId());
        return new Indexed(complete(draft, story, new Links(List.of(), List.of())), relink(known.get(), story, index));
    }

    /** Keeps the listings in step: a live story is listed under its current tags, a taken-down one nowhere. */
    private static void relist(StorySummary before, StorySummary after, StoryIndex index) {
        Optional<Listing> was = listing(before);
        Optional<Listing> is = listing(after);
        if (was.equals(is)) {
            return;
        }
        was.ifPresent(listed -> index.unlist(before));
        is.ifPresent(listed -> index.list(after));
    }

    private static Optional<Listing> listing(StorySummary story) {
        return story != null && story.published() ? Optional.of(Listing.of(story)) : Optional.empty();
    }

    /** What other pages show of a story: nothing while it is taken down, else its headline and tags (for labels). */
    private static Object shown(StorySummary story) {
        return story.published() ? List.of(story.headline(), story.tags()) : List.of();
    }

    private List<ArticleEnriched> relink(StorySummary before, StorySummary after, StoryIndex index) {
        if (before != null && shown(before).equals(shown(after))) {
            return List.of();
        }
        Position at = after.position();
        NavigableSet<Position> affected = new TreeSet<>(index.later(at, Ticker.TICKER_SIZE - 1));
        Set<String> tags = new LinkedHashSet<>();
        if (before != null && before.published()) {
            tags.addAll(before.tagSlugs());
        }
        if (after.published()) {
            tags.addAll(after.tagSlugs());
        }
        for (String tag : related.maxStories() > 0 ? tags : Set.<String>of()) {
            index.laterInTag(tag, at, related.window()).forEach(listing -> affected.add(listing.position()));
            if (related.includeNewer()) {
                index.earlierInTag(tag, at, related.window()).forEach(listing -> affected.add(listing.position()));
            }
        }
        List<ArticleEnriched> relinked = new ArrayList<>();
        for (Position position : affected) {
            relinked(position, index).ifPresent(relinked::add);
        }
        if (!relinked.isEmpty()) {
            log.info("Story {} changed the links of {} of the {} stories around it", after.articleId(),
                    relinked.size(), affected.size());
        }
        return relinked;
    }

    private Optional<ArticleEnriched> relinked(Position position, StoryIndex index) {
        StorySummary story = summary(position.articleId(), index);
        Links links = links(story, index);
        if (links.shownBy(story)) {
            return Optional.empty();
        }
        Optional<ArticleEnriched> draft = index.draft(story.articleId());
        if (draft.isEmpty()) {
            log.warn("Story {} has new links but no stored draft (indexed by an older enrich); they go out with "
                    + "its next revision", story.articleId());
            return Optional.empty();
        }
        StorySummary relinked = story.resent(links.relatedLinks(), links.tickerLinks());
        index.put(relinked);
        log.debug("Story {} relinked: related {}, ticker {}", story.articleId(), relinked.related(), relinked.ticker());
        return Optional.of(complete(draft.get(), relinked, links));
    }

    private Links links(StorySummary story, StoryIndex index) {
        List<StorySummary> ticker = Stream.concat(Stream.of(story),
                index.earlier(story.position(), Ticker.TICKER_SIZE - 1).stream()
                        .map(position -> summary(position.articleId(), index)))
                .toList();
        return new Links(related(story, index), ticker);
    }

    /**
     * The related stories of a live story, best first: ranked among the listings in its tags' windows (range scans
     * of the index), and only the chosen ones read in full, for their labels.
     */
    public List<RelatedChoice> related(StorySummary story, StoryIndex index) {
        if (related.maxStories() == 0) {
            return List.of();
        }
        Position at = story.position();
        Stream<Listing> candidates = story.tagSlugs().stream().distinct().flatMap(tag -> Stream.concat(
                index.earlierInTag(tag, at, related.window()).stream(),
                related.includeNewer() ? index.laterInTag(tag, at, related.window()).stream() : Stream.empty()));
        Set<String> tags = RelatedStories.slugs(story);
        return RelatedStories.rank(story, candidates, related).stream()
                .map(listing -> RelatedStories.choice(summary(listing.articleId(), index), tags, vocabulary))
                .toList();
    }

    private static StorySummary summary(String articleId, StoryIndex index) {
        return index.story(articleId).orElseThrow(() -> new IllegalStateException(
                "Story " + articleId + " is listed in the story index but has no summary"));
    }

    private ArticleEnriched complete(ArticleEnriched draft, StorySummary story, Links links) {
        return ArticleEnriched.newBuilder()
                .setSubmission(draft.getSubmission())
                .setSlug(story.slug())
                .setPath(story.path())
                .setUrl(site.urlOf(story.path()))
                .setWordCount(draft.getWordCount())
                .setReadingTimeMinutes(draft.getReadingTimeMinutes())
                .setTags(draft.getTags())
                .setExcerpt(draft.getExcerpt())
                .setRelated(links.related().stream().map(this::relatedStory).toList())
                .setTicker(links.ticker().stream().map(this::headline).toList())
                .setFirstPublishedAt(story.firstPublishedAt())
                .setEnrichedAt(draft.getEnrichedAt())
                .setResend(story.resend())
                .build();
    }

    private RelatedStory relatedStory(RelatedChoice choice) {
        StorySummary story = choice.story();
        return new RelatedStory(story.articleId(), story.headline(), choice.label(), story.path(),
                site.urlOf(story.path()));
    }

    private Headline headline(StorySummary story) {
        return new Headline(story.articleId(), story.headline(), story.path(), site.urlOf(story.path()),
                story.firstPublishedAt());
    }
}
