package org.galley.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SlugClaimsTest {

    private static String claim(String candidate, String articleId, Map<String, String> owners) {
        return SlugClaims.firstFree(candidate, articleId, slug -> Optional.ofNullable(owners.get(slug)));
    }

    @Test
    void aFreeSlugIsTaken() {
        assertThat(claim("big-news", "a", Map.of())).isEqualTo("big-news");
    }

    @Test
    void aTakenSlugGetsTheFirstFreeNumber() {
        assertThat(claim("big-news", "c", Map.of("big-news", "a"))).isEqualTo("big-news-2");
        assertThat(claim("big-news", "c", Map.of("big-news", "a", "big-news-2", "b"))).isEqualTo("big-news-3");
    }

    @Test
    void aStoryGetsItsOwnSlugBack() {
        assertThat(claim("big-news", "b", Map.of("big-news", "a", "big-news-2", "b"))).isEqualTo("big-news-2");
        assertThat(claim("big-news", "a", Map.of("big-news", "a"))).isEqualTo("big-news");
    }
}
