package org.galley.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCharactersTest {

    @Test
    void plainTextTabsLineFeedsAndCrLfAreCarriable() {
        assertThat(TextCharacters.check("Caf\u00e9 \u2014 na\u00efve \uD83D\uDCF0\tcol\nline\r\nnext \u2028 \uFFFC"))
                .isEmpty();
        assertThat(TextCharacters.check(null)).isEmpty();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void everyControlButTabAndLineFeedIsRefused(int control) {
        assertThat(TextCharacters.check("a" + (char) control + "b"))
                .extracting(TextCharacters.Refused::kind, TextCharacters.Refused::codePoint,
                        TextCharacters.Refused::character)
                .containsExactly(tuple(TextCharacters.Kind.CONTROL, control, 2));
    }

    @Test
    void aCarriageReturnIsCarriableOnlyRightBeforeALineFeed() {
        assertThat(TextCharacters.check("one\r\ntwo")).isEmpty();
        assertThat(TextCharacters.check("one\rtwo")).singleElement().satisfies(refused -> {
            assertThat(refused.kind()).isEqualTo(TextCharacters.Kind.LONE_CARRIAGE_RETURN);
            assertThat(refused.kind().code()).isEqualTo(ReasonCodes.CONTROL_CHARACTERS);
            assertThat(refused.character()).isEqualTo(4);
        });
        assertThat(TextCharacters.check("ends with\r")).extracting(TextCharacters.Refused::codePoint)
                .containsExactly(0x0D);
        assertThat(TextCharacters.check("twice\r\r\n")).extracting(TextCharacters.Refused::character)
                .containsExactly(6);
    }

    @Test
    void everyNoncharacterInEveryPlaneIsRefused() {
        IntStream.concat(IntStream.rangeClosed(0xFDD0, 0xFDEF),
                        IntStream.rangeClosed(0, 0x10).flatMap(plane -> IntStream.of(plane << 16 | 0xFFFE,
                                plane << 16 | 0xFFFF)))
                .forEach(noncharacter -> assertThat(TextCharacters.check("x" + Character.toString(noncharacter)))
                        .as(TextCharacters.name(noncharacter))
                        .singleElement().satisfies(refused -> {
                            assertThat(refused.kind()).isEqualTo(TextCharacters.Kind.NONCHARACTER);
                            assertThat(refused.kind().code()).isEqualTo(ReasonCodes.NONCHARACTER);
                            assertThat(refused.codePoint()).isEqualTo(noncharacter);
                            assertThat(refused.character()).isEqualTo(2);
                        }));
    }

    @Test
    void theNeighboursOfNoncharactersAreCarriable() {
        assertThat(TextCharacters.check("\uFDCF\uFDF0\uFFFC" + Character.toString(0x1FFFD) + Character.toString(0x20000)
                + Character.toString(0x10FFFD))).isEmpty();
    }

    @Test
    void aLoneSurrogateIsBadUtf8ButAWholePairIsFine() {
        assertThat(TextCharacters.check("\uD83D\uDCF0")).isEmpty();
        assertThat(TextCharacters.check("ab\uD800")).singleElement().satisfies(refused -> {
            assertThat(refused.kind()).isEqualTo(TextCharacters.Kind.LONE_SURROGATE);
            assertThat(refused.kind().code()).isEqualTo(ReasonCodes.BAD_UTF8);
            assertThat(refused.codePoint()).isEqualTo(0xD800);
            assertThat(refused.character()).isEqualTo(3);
        });
        assertThat(TextCharacters.check("\uDC00x")).extracting(TextCharacters.Refused::codePoint)
                .containsExactly(0xDC00);
    }

    @Test
    void theReplacementCharacterIsBadUtf8() {
        assertThat(TextCharacters.check("Caf\uFFFD")).extracting(TextCharacters.Refused::kind)
                .containsExactly(TextCharacters.Kind.REPLACEMENT);
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        assertThat(TextCharacters.check("\uD83D\uDCF0\uD83D\uDCF0\uFFFF").get(0).character()).isEqualTo(3);
        assertThat(TextCharacters.check("\uD83D\uDCF0\uD83D\uDCF0\uFFFF").get(0).index()).isEqualTo(4);
    }

    @Test
    void theFirstOfEachReasonCodeIsReportedInTheOrderTheyAppear() {
        assertThat(TextCharacters.check("\uFFFF\u0007\uD800\u0001\uFFFE\uFFFD"))
                .extracting(refused -> refused.kind().code(), TextCharacters.Refused::character)
                .containsExactly(tuple("noncharacter", 1), tuple("control-characters", 2), tuple("bad-utf8", 3));
    }

    @Test
    void codePointsAreNamedTheUnicodeWay() {
        assertThat(TextCharacters.name(0x7)).isEqualTo("U+0007");
        assertThat(TextCharacters.name(0xFFFF)).isEqualTo("U+FFFF");
        assertThat(TextCharacters.name(0x10FFFF)).isEqualTo("U+10FFFF");
    }

    @Test
    void visibleTextNamesEveryRefusedCharacterAndKeepsTheRest() {
        assertThat(TextCharacters.visible("a\uFFFFb\u0000c\r\nd\uD800\uD83D\uDCF0"))
                .isEqualTo("a<U+FFFF>b<U+0000>c\r\nd<U+D800>\uD83D\uDCF0");
        assertThat(TextCharacters.isCarriable(TextCharacters.visible("\uFFFE\u001B\r"))).isTrue();
    }
}
