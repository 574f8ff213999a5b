package org.galley.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class WordsTest {

    private static List<Words.Word> words(String body) {
        return Words.of(new TaggableStory("", "", body, List.of(), Locale.ENGLISH), StopWords.english());
    }

    @Test
    void keepsJoinedWordsWholeAndDropsPossessives() {
        assertThat(words("Microsoft\u2019s non-exclusive Node.js licence isn't OpenAI's."))
                .extracting(Words.Word::text)
                .containsExactly("Microsoft", "non-exclusive", "Node.js", "licence", "isn't", "OpenAI");
    }

    @Test
    void keysAreLowercaseAndSingularButAcronymsAndShortWordsStay() {
        assertThat(words("Cloud providers, companies, news, AWS, models and gas."))
                .extracting(Words.Word::key)
                .containsExactly("cloud", "provider", "company", "news", "aws", "model", "and", "gas");
    }

    @Test
    void capitalsCountOnlyAwayFromTheStartOfASentenceQuoteOrClause() {
        List<Words.Word> words = words("Planners met. They said: \"Nothing changed\" at Harland.");
        assertThat(words).filteredOn(Words.Word::caseSignal).extracting(Words.Word::text)
                .containsExactly("met", "said", "changed", "at", "Harland");
    }

    @Test
    void punctuationBreaksAPhraseAndAFullStopEndsASentence() {
        List<Words.Word> words = words("Alpha beta, gamma. Delta");
        assertThat(words).extracting(Words.Word::joined).containsExactly(false, true, false, false);
        assertThat(words).extracting(Words.Word::sentence).containsExactly(2, 2, 2, 3);
    }

    @Test
    void stopWordsAndNumbersCarryNoPhrase() {
        assertThat(words("The 2026 release said 3-1 Kestrel v2"))
                .filteredOn(Words.Word::content).extracting(Words.Word::text)
                .containsExactly("release", "Kestrel");
    }

    @Test
    void oneLetterAmongDigitsIsACodeNotAWord() {
        assertThat(words("In 2024 H1 and Q3 the MP3 sales of IPv6 kit rose"))
                .filteredOn(Words.Word::content).extracting(Words.Word::text)
                .containsExactly("MP3", "sales", "IPv6", "kit", "rose");
    }

    @Test
    void aHyphenatedCompoundIsAsCapitalisedAsItsLastPart() {
        assertThat(words("Teams use AI-powered tools, says Jacob Hoffman-Andrews"))
                .filteredOn(word -> word.text().contains("-")).extracting(Words.Word::capitalised)
                .containsExactly(false, true);
    }
}
