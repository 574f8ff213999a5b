package org.galley.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.galley.enrich.Articles;
import org.galley.enrich.EnrichSettings;
import org.galley.enrich.SampleStories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The quality gate for tags: the default tagger over the tag corpus ({@code src/test/resources/tag-corpus}, real
 * articles from open-source project blogs, kept as published) against what an editor keeps of each
 * ({@code expected-tags.yml}, written before the tagger was tuned). Precision is the share of the tagger's tags an
 * editor keeps; the main subject must be tagged on every article. A tag matches an expected one with the same words
 * in any capitalisation, singular or plural ("Error Value" is "Error Values"), as the tagger itself counts them. The table it writes to
 * {@code target/tag-corpus.md} is the one docs/enrich.md shows.
 */
class TagCorpusTest {

    /** Issue 12's target: an editor keeps at least 90% of the tags. Not met yet (see docs/enrich.md). */
    static final double TARGET_PRECISION = 0.90;
    /**
     * What the gate holds today: the measured precision (84.6%), rounded down, so no change may lower it. Raise it
     * as the tagger improves, up to {@link #TARGET_PRECISION}; the misses left are in docs/enrich.md.
     */
    static final double MIN_PRECISION = 0.84;

    record Row(String article, String subject, List<String> keep, List<String> got) {

        List<String> kept() {
            Set<List<String>> keepKeys = keep.stream().map(Words::keysOf).collect(Collectors.toSet());
            return got.stream().filter(tag -> keepKeys.contains(Words.keysOf(tag))).toList();
        }

        boolean subjectTagged() {
            return got.stream().anyMatch(tag -> Words.keysOf(tag).equals(Words.keysOf(subject)));
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void tagTheCorpus() throws IOException {
        Tagger tagger = EnrichSettings.defaults().tagger();
        for (Map.Entry<String, Map<String, Object>> article : expected().entrySet()) {
            String file = article.getKey() + ".md";
            var story = SampleStories.parse(read(file), file, article.getKey(), 1);
            List<String> got = tagger.tag(Articles.taggable(story)).stream().map(StoryTag::name).toList();
            @SuppressWarnings("unchecked")
            List<String> keep = (List<String>) article.getValue().get("keep");
            ROWS.add(new Row(article.getKey(), (String) article.getValue().get("subject"), keep, got));
        }
        Path table = Path.of("target", "tag-corpus.md");
        Files.createDirectories(table.getParent());
        Files.writeString(table, table(ROWS), StandardCharsets.UTF_8);
        System.out.print(table(ROWS));
    }

    @Test
    void theCorpusHoldsAtLeastTwentyArticles() {
        assertThat(ROWS).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void anEditorKeepsAtLeastTheMeasuredShareOfTheTags() {
        assertThat(precision(ROWS)).as(() -> "tags an editor would delete: " + deleted(ROWS)).isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    @Test
    void everyArticleIsTaggedWithItsMainSubject() {
        assertThat(ROWS).allSatisfy(row -> assertThat(row.subjectTagged())
                .as("%s is about %s but was tagged %s", row.article(), row.subject(), row.got()).isTrue());
    }

    static double precision(List<Row> rows) {
        int all = rows.stream().mapToInt(row -> row.got().size()).sum();
        int kept = rows.stream().mapToInt(row -> row.kept().size()).sum();
        return all == 0 ? 0 : (double) kept / all;
    }

    private static Map<String, List<String>> deleted(List<Row> rows) {
        Map<String, List<String>> deleted = new LinkedHashMap<>();
        for (Row row : rows) {
            List<String> extra = row.got().stream().filter(tag -> !row.kept().contains(tag)).toList();
            if (!extra.isEmpty()) {
                deleted.put(row.article(), extra);
            }
        }
        return deleted;
    }

    /** The Markdown table docs/enrich.md shows: what an editor keeps, what the tagger gave, and the totals. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| Article | Expected (subject first) | Got | Kept |\n| --- | --- | --- | --- |\n");
        int all = 0;
        int kept = 0;
        int subjects = 0;
        for (Row row : rows) {
            List<String> keptTags = row.kept();
            List<String> got = row.got().stream()
                    .map(tag -> keptTags.contains(tag) ? tag : "~~" + tag + "~~").toList();
            out.append("| ").append(row.article())
                    .append(" | ").append(String.join(", ", row.keep()))
                    .append(" | ").append(String.join(", ", got))
                    .append(" | ").append(keptTags.size()).append('/').append(row.got().size())
                    .append(row.subjectTagged() ? "" : " (no " + row.subject() + ")").append(" |\n");
            all += row.got().size();
            kept += keptTags.size();
            subjects += row.subjectTagged() ? 1 : 0;
        }
        out.append(String.format("| **%d articles** | | **precision %d/%d = %.1f%%** | **main subject %d/%d** |%n",
                rows.size(), kept, all, all == 0 ? 0.0 : 100.0 * kept / all, subjects, rows.size()));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> expected() {
        Map<String, Object> file = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(read("expected-tags.yml"));
        return (Map<String, Map<String, Object>>) file.get("articles");
    }

    private static String read(String file) {
        try (InputStream in = TagCorpusTest.class.getResourceAsStream("/tag-corpus/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + file + " in src/test/resources/tag-corpus");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
