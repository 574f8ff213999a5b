package org.galley.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaggableTextTest {

    /** The text with runs of spaces made one, so a gap reads " · ". */
    private static String of(String markdown) {
        return TaggableText.of(markdown).replaceAll(" +", " ");
    }

    @Test
    void keepsTheProseAndLinkTextWithoutMarkup() {
        assertThat(of("# Release\n\nRead [the *notes*](https://example.com/notes) now."))
                .isEqualTo("Release\n\nRead the notes now.");
    }

    @Test
    void leavesOutFencedAndIndentedCodeBlocks() {
        assertThat(of("Before.\n\n```java\nCacheType cacheType = CacheType.LRU;\n```\n\nAfter."))
                .isEqualTo("Before.\n\nAfter.");
        assertThat(of("Before.\n\n    if err != nil {\n        return errWriter\n    }\n\nAfter."))
                .isEqualTo("Before.\n\nAfter.");
    }

    @Test
    void inlineCodeLeavesAGapSoTheWordsAroundItNeverJoin() {
        assertThat(of("Use the `Command` API with `cacheType` set."))
                .isEqualTo("Use the · API with · set.");
    }

    @Test
    void leavesOutRawHtmlBlocksAndInlineTags() {
        assertThat(of("<div><img alt=\"Wordcloud\" src=\"wordcloud.png\"/>\n<a href=\"c.svg\">SVG</a></div>\n\nProse."))
                .isEqualTo("Prose.");
        assertThat(of("A <span class=\"x\">word</span> here."))
                .isEqualTo("A · word · here.");
    }

    @Test
    void leavesOutImagesAndTheTextOfLinksToImageFiles() {
        assertThat(of("See ![rust-usage-wordcloud.png](usage.png) and [PNG](chart.png) or [SVG](chart.svg?v=2)."))
                .isEqualTo("See · and · or · .");
    }

    @Test
    void leavesOutUrlsWithOrWithoutTheirScheme() {
        assertThat(of("See <https://go.dev/doc>, [https://example.com](https://example.com) and https://x.org/a?b=1 now."))
                .isEqualTo("See · , · and · now.");
        assertThat(of("Browse pkg.go.dev/vuln or mail security@golang.org today."))
                .isEqualTo("Browse · or mail · today.");
        // A bare host name is a name, not an address.
        assertThat(of("Tokens for crates.io were reset.")).isEqualTo("Tokens for crates.io were reset.");
    }

    @Test
    void leavesOutAddressesWithNeitherASlashNorAnAtSign() {
        // The cheap test before the URL pattern must still let these through to it.
        assertThat(of("Visit WWW.Example.com or write to mailto:desk today."))
                .isEqualTo("Visit · or write to · today.");
        assertThat(of("Plain prose with dots. And colons: none of them addresses.")).isEqualTo(
                "Plain prose with dots. And colons: none of them addresses.");
    }

    @Test
    void leavesOutEmphasisInCapitalsButKeepsOtherEmphasis() {
        assertThat(of("**UPDATE:** the severity was _DOWNGRADED_ to **high** for *Windows* users."))
                .isEqualTo("· the severity was · to high for Windows users.");
    }

    @Test
    void tellsAShoutFromAWord() {
        assertThat(TaggableText.isShout("NOT AFFECTED")).isTrue();
        assertThat(TaggableText.isShout("Windows")).isFalse();
        assertThat(TaggableText.isShout("A")).isFalse();
    }
}
