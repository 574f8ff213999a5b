package org.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawTextElementsTest {

    @Test
    void anUnclosedStartTagIsRemovedAndWhatFollowsIsKept() {
        assertThat(RawTextElements.withoutUnclosed("<p>a<style>b</p><p>c</p>")).isEqualTo("<p>ab</p><p>c</p>");
        assertThat(RawTextElements.withoutUnclosed("x<TEXTAREA rows=2>y")).isEqualTo("xy");
        assertThat(RawTextElements.withoutUnclosed("x<script")).isEqualTo("x");
    }

    @Test
    void aClosedElementIsLeftForTheSanitizer() {
        String html = "<p>a<style>p{}</style>b<Script>x()</SCRIPT >c</p>";

        assertThat(RawTextElements.withoutUnclosed(html)).isSameAs(html);
    }

    @Test
    void plaintextNeverClosesSoItsTagAlwaysGoes() {
        assertThat(RawTextElements.withoutUnclosed("a<plaintext>b</plaintext>c")).isEqualTo("ab</plaintext>c");
    }

    @Test
    void onlyTheRightEndTagCloses() {
        assertThat(RawTextElements.closes("</styles></style>", "style", 0)).isTrue();
        assertThat(RawTextElements.closes("</styles>", "style", 0)).isFalse();
        assertThat(RawTextElements.withoutUnclosed("<style>a</styles>")).isEqualTo("a</styles>");
        assertThat(RawTextElements.withoutUnclosed("<stylesheet>a")).isEqualTo("<stylesheet>a");
    }
}
