package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.galley.enrich.text.WordCount;
import org.junit.jupiter.api.Test;

class StoryBodyTest {

    private static final String BODY = """
            First paragraph has five words.

            ## A heading

            ```java
            int a = 1;

            int b = 2;
            ```

            Last paragraph of this body.
            """;

    @Test
    void blocksSplitAtBlankLinesButKeepAFencedCodeBlockWhole() {
        assertThat(StoryBody.blocks(BODY)).containsExactly(
                "First paragraph has five words.",
                "## A heading",
                "```java\nint a = 1;\n\nint b = 2;\n```",
                "Last paragraph of this body.");
    }

    @Test
    void aLongerBodyRepeatsTheBlocksInOrderAndNeverBreaksACodeFence() {
        String longer = StoryBody.of(BODY).withWords(100);

        assertThat(WordCount.of(longer).total()).isBetween(100, 100 + 5);
        assertThat(longer).startsWith("First paragraph has five words.\n\n## A heading");
        assertThat(longer.split("```", -1).length % 2).as("every fence is closed").isEqualTo(1);
    }

    @Test
    void aShorterBodyKeepsTheFirstWholeBlocksUpToTheTarget() {
        assertThat(StoryBody.of(BODY).withWords(7)).isEqualTo("First paragraph has five words.\n\n## A heading\n");
    }

    @Test
    void aBodyIsNeverEmptyEvenForATargetOfNoWords() {
        assertThat(StoryBody.of(BODY).withWords(0)).isEqualTo("First paragraph has five words.\n");
    }

    @Test
    void wordsAreCountedAsEnrichCountsThemSoEachCjkCharacterIsOne() {
        assertThat(StoryBody.of("日本語の本文。\n\nTwo words.").words()).isEqualTo(6 + 2);
    }
}
