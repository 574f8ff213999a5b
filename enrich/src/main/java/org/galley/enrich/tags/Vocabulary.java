package org.galley.enrich.tags;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.galley.enrich.text.Slugs;

/**
 * The newsroom's controlled vocabulary: the subjects enrich may find in a story, each with the ways stories
 * name it, and the names the keyphrase finder must never offer as tags (the publication's own name, wire
 * services). It is data ({@code vocabulary.yaml}, read by {@link VocabularyFile}), so a newsroom extends it without
 * a code change.
 *
 * <p>Checked when built: names are unique by slug, a broader term names another term, and no alias that ignores
 * case is a common English word (it would tag every story); such words must be case-sensitive or need context.
 *
 * @param terms   the subjects
 * @param ignored names never to tag a story with unless its editor does, in any capitalisation
 */
public record Vocabulary(List<Term> terms, List<String> ignored) {

    /**
     * One subject.
     *
     * @param name    display name
     * @param aliases every way a story names the subject ("AWS" for "Amazon Web Services"); when the name itself
     *                is not among them it is added first, ignoring case
     * @param broader the name of a wider term this one belongs to ("Anthropic" for "Claude"), or null; a link
     *                label prefers the narrower term
     * @param slug    the slug of the name, derived from it (pass null); kept so lookups never recompute it
     */
    public record Term(String name, List<Alias> aliases, String broader, String slug) {

        public Term {
            name = StoryTag.normaliseName(name);
            String derived = Slugs.tagSlug(name);
            if (derived.isEmpty()) {
                throw new IllegalArgumentException("a vocabulary term needs a name with letters or digits, was '" + name + "'");
            }
            if (slug != null && !slug.equals(derived)) {
                throw new IllegalArgumentException("the slug of '" + name + "' is '" + derived + "', not '" + slug + "'");
            }
            slug = derived;
            String display = name;
            if (aliases.stream().noneMatch(alias -> alias.text().equalsIgnoreCase(display))) {
                aliases = Stream.concat(Stream.of(Alias.of(name)), aliases.stream()).toList();
            }
            aliases = List.copyOf(aliases);
        }

        public Term(String name, List<Alias> aliases, String broader) {
            this(name, aliases, broader, null);
        }

        public StoryTag tag() {
            return new StoryTag(name, slug);
        }
    }

    /**
     * One way of naming a term in text.
     *
     * @param text          the words as written; spaces in it also match hyphens ("open source", "open-source")
     * @param caseSensitive match only with this exact capitalisation ("Go", "AI", "Rust")
     * @param context       when not empty, the alias counts only in a sentence that also holds one of these words
     */
    public record Alias(String text, boolean caseSensitive, List<String> context) {

        public Alias {
            text = StoryTag.normaliseName(text);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("an alias cannot be empty");
            }
            context = List.copyOf(context);
        }

        public static Alias of(String text) {
            return new Alias(text, false, List.of());
        }
    }

    // Words so common that an alias ignoring case would tag nearly every story.
    private static final Set<String> COMMON_WORDS = Set.of(
            "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
            "but", "by", "can", "could", "do", "even", "for", "from", "get", "go", "had", "has", "have", "he", "her",
            "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "like", "make", "may", "more", "most",
            "new", "no", "not", "now", "of", "on", "one", "only", "open", "or", "other", "our", "out", "over", "said",
            "say", "see", "she", "so", "some", "source", "than", "that", "the", "their", "them", "then", "there",
            "these", "they", "this", "time", "to", "two", "up", "us", "use", "was", "we", "were", "what", "when",
            "which", "who", "will", "with", "would", "you", "your");

    public Vocabulary(List<Term> terms) {
        this(terms, List.of());
    }

    public Vocabulary {
        terms = List.copyOf(terms);
        ignored = ignored.stream().map(StoryTag::normaliseName).filter(name -> !name.isEmpty()).toList();
        Map<String, String> namesBySlug = new HashMap<>();
        for (Term term : terms) {
            String previous = namesBySlug.putIfAbsent(term.slug(), term.name());
            if (previous != null) {
                throw new IllegalArgumentException("vocabulary terms '" + previous + "' and '" + term.name()
                        + "' have the same slug '" + term.slug() + "'; merge them or rename one");
            }
            for (Alias alias : term.aliases()) {
                if (!alias.caseSensitive() && alias.context().isEmpty()
                        && COMMON_WORDS.contains(alias.text().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("alias '" + alias.text() + "' of vocabulary term '" + term.name()
                            + "' is a common English word; make it caseSensitive or give it a context");
                }
            }
        }
        for (Term term : terms) {
            if (term.broader() != null && !namesBySlug.containsKey(Slugs.tagSlug(term.broader()))) {
                throw new IllegalArgumentException("vocabulary term '" + term.name() + "' has broader term '"
                        + term.broader() + "', which is not in the vocabulary");
            }
        }
    }

    public static Vocabulary empty() {
        return new Vocabulary(List.of());
    }

    /**
     * The term an editor's tag means, when it is a term's name or one of its aliases in any capitalisation
     * ("aws" and "Amazon Web Services" are both that term); editors type tags deliberately, so case is not a hint.
     */
    public Optional<Term> termFor(String editorTag) {
        String wanted = StoryTag.normaliseName(editorTag);
        String wantedSlug = Slugs.tagSlug(wanted);
        for (Term term : terms) {
            if (term.slug().equals(wantedSlug)
                    || term.aliases().stream().anyMatch(alias -> alias.text().equalsIgnoreCase(wanted))) {
                return Optional.of(term);
            }
        }
        return Optional.empty();
    }

    /** The slug of the broader term of the term with this slug, if it has one. */
    public Optional<String> broaderOf(String slug) {
        return terms.stream()
                .filter(term -> term.slug().equals(slug) && term.broader() != null)
                .map(term -> Slugs.tagSlug(term.broader()))
                .findFirst();
    }
}
