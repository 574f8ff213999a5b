package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.galley.events.Action;
import org.galley.events.ArticleSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class HugoBuildTest {

    private static ArticleSubmitted story(String id, String headline) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(id)
                .setRevision(1)
                .setAction(Action.PUBLISH)
                .setHeadline(headline)
                .setDek("A dek: with \"quotes\" and a \\ backslash")
                .setByline("Ana Ruiz")
                .setCategory("AI")
                .setBodyMarkdown("The body.\n\n## A heading\n")
                .setHero(null)
                .setTags(List.of("AI", "Anthropic"))
                .setSubmittedAt(Instant.parse("2026-04-21T10:00:00Z"))
                .setSource("test")
                .setPublishedAt(Instant.parse("2021-03-04T05:06:07.891Z"))
                .setLanguage("en")
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frontMatter(String contentFile) {
        String yaml = contentFile.substring(4, contentFile.indexOf("\n---\n", 4));
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @Test
    void aStorysFrontMatterHasItsTitleDateDescriptionTagsAndCategoryReadBackExactly() {
        String file = HugoBuild.contentFile(story("claude-1", "Interview: Fernbrook Labs' \"Amara\" on AI (#1)"));

        Map<String, Object> front = frontMatter(file);
        assertThat(front).containsEntry("title", "Interview: Fernbrook Labs' \"Amara\" on AI (#1)")
                .containsEntry("description", "A dek: with \"quotes\" and a \\ backslash")
                .containsEntry("tags", List.of("AI", "Anthropic"))
                .containsEntry("categories", List.of("AI"));
        assertThat(String.valueOf(front.get("date"))).startsWith("2021-03-04T05:06:07");
        assertThat(file).contains("\ndate: 2021-03-04T05:06:07Z\n").endsWith("---\n\nThe body.\n\n## A heading\n");
    }

    @Test
    void theSiteHasItsConfigurationLayoutsAndOneContentFilePerStory(@TempDir Path site) throws IOException {
        HugoBuild.writeSite(site, List.of(story("a-1", "One"), story("b-2", "Two")));

        assertThat(site.resolve("content/posts/a-1.md")).exists();
        assertThat(site.resolve("content/posts/b-2.md")).exists();
        for (String file : HugoBuild.SITE_FILES) {
            assertThat(site.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readString(site.resolve("hugo.toml"))).contains("[related]", "tag = \"tags\"", "category = \"categories\"");
        assertThat(Files.readString(site.resolve("layouts/_default/single.html"))).contains(".Related");
    }

    @Test
    void writingTheSiteAgainLeavesNoStoryOfAnEarlierRun(@TempDir Path site) {
        HugoBuild.writeSite(site, List.of(story("a-1", "One"), story("b-2", "Two")));
        HugoBuild.writeSite(site, List.of(story("c-3", "Three")));

        assertThat(site.resolve("content/posts/a-1.md")).doesNotExist();
        assertThat(site.resolve("content/posts/c-3.md")).exists();
    }
}
