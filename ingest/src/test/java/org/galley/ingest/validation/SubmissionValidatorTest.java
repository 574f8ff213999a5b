package org.galley.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.galley.events.ArticleSubmitted;
import org.galley.events.HeroImage;
import org.galley.events.RejectionReason;
import org.galley.ingest.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator(ValidationLimits.defaults());

    @Test
    void aCompleteStoryHasNoProblems() {
        assertThat(validator.validate(Stories.good("story", 1))).isEmpty();
    }

    @Test
    void aStoryWithoutHeroOrDekOrTagsIsFine() {
        ArticleSubmitted story = Stories.story("story", 1).setHero(null).setDek(null).setTags(List.of()).build();

        assertThat(validator.validate(story)).isEmpty();
    }

    @Test
    void everyMissingRequiredFieldIsReportedTogether() {
        ArticleSubmitted story = Stories.story(" ", 1)
                .setHeadline("").setByline("  ").setCategory("").setBodyMarkdown("\n").setSource("")
                .build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(
                        tuple("articleId", "required"), tuple("source", "required"), tuple("headline", "required"),
                        tuple("byline", "required"), tuple("category", "required"), tuple("bodyMarkdown", "required"));
    }

    @Test
    void everyReasonCarriesAMessageAnEditorCanActOn() {
        ArticleSubmitted story = Stories.story("story", 1).setHeadline("").build();

        RejectionReason reason = validator.validate(story).get(0);
        assertThat(reason.getMessage()).contains("headline").contains("missing");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void aRevisionBelowOneIsABadRevision(long revision) {
        assertThat(validator.validate(Stories.good("story", revision)))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("revision", "bad-revision"));
    }

    @Test
    void textsOverTheirLimitsAreTooLong() {
        ArticleSubmitted story = Stories.story("story", 1)
                .setHeadline("h".repeat(301))
                .setDek("d".repeat(1001))
                .setByline("b".repeat(201))
                .setCategory("c".repeat(61))
                .setTags(List.of("AI", "t".repeat(61)))
                .build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("headline", "too-long"), tuple("dek", "too-long"),
                        tuple("byline", "too-long"), tuple("category", "too-long"), tuple("tags[1]", "too-long"));
    }

    @Test
    void textsAtTheirLimitsPass() {
        ArticleSubmitted story = Stories.story("story", 1)
                .setHeadline("h".repeat(300)).setDek("d".repeat(1000)).setByline("b".repeat(200))
                .setCategory("c".repeat(60)).setTags(Collections.nCopies(30, "t".repeat(60)))
                .build();

        assertThat(validator.validate(story)).isEmpty();
    }

    @Test
    void lengthsCountCharactersNotBytesOrUtf16Units() {
        ArticleSubmitted story = Stories.story("story", 1).setHeadline("\uD83D\uDCF0".repeat(300)).build();

        assertThat(validator.validate(story)).isEmpty();
    }

    @Test
    void moreThanThirtyTagsAreTooMany() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            tags.add("tag" + i);
        }

        assertThat(validator.validate(Stories.story("story", 1).setTags(tags).build()))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("tags", "too-many"));
    }

    @Test
    void anEmptyTagIsReportedByPosition() {
        assertThat(validator.validate(Stories.story("story", 1).setTags(List.of("AI", " ")).build()))
                .extracting(RejectionReason::getField, RejectionReason::getCode, RejectionReason::getMessage)
                .containsExactly(tuple("tags[1]", "required", "Tag 2 is empty; remove it or give it a name."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:image/png;base64,AAAA", "/media/x.svg", "media/x.svg",
            "//cdn.example.org/x.svg", "ftp://example.org/x.svg", "file:///etc/passwd", "https://", "http://exa mple.org/x",
            "JAVASCRIPT:alert(1)"})
    void aHeroThatIsNotAnAbsoluteHttpUrlIsABadUrl(String url) {
        ArticleSubmitted story = Stories.story("story", 1).setHero(new HeroImage(url, "An image", null, null)).build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("hero.url", "bad-url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://stackdigest.org/media/x.svg", "http://localhost:8080/media/x.svg",
            "HTTPS://EXAMPLE.ORG/A.JPG"})
    void aHeroWithAnAbsoluteHttpUrlPasses(String url) {
        ArticleSubmitted story = Stories.story("story", 1).setHero(new HeroImage(url, "An image", null, null)).build();

        assertThat(validator.validate(story)).isEmpty();
    }

    @Test
    void aHeroNeedsBothUrlAndAltText() {
        ArticleSubmitted story = Stories.story("story", 1).setHero(new HeroImage("", " ", "caption", null)).build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("hero.url", "required"), tuple("hero.alt", "required"));
    }

    @Test
    void controlCharactersAreRejectedInAnyTextButLineBreaksAndTabsAreFine() {
        ArticleSubmitted story = Stories.story("story", 1)
                .setHeadline("Bell\u0007 in the headline")
                .setBodyMarkdown("Line one\r\n\tLine two\n\u0000")
                .setTags(List.of("A\u001bI"))
                .setHero(new HeroImage("https://example.org/x.jpg", "alt\u0085", null, "credit\u007f"))
                .setDek("A fine dek\twith a tab\n")
                .build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("headline", "control-characters"),
                        tuple("bodyMarkdown", "control-characters"), tuple("tags[0]", "control-characters"),
                        tuple("hero.alt", "control-characters"), tuple("hero.credit", "control-characters"));
    }

    @Test
    void theControlCharacterMessageNamesTheCharacterAndWhereItIs() {
        ArticleSubmitted story = Stories.story("story", 1).setHeadline("Bell\u0007").build();

        assertThat(validator.validate(story).get(0).getMessage()).startsWith("The headline contains U+0007 at character 5, ");
    }

    @Test
    void aBodyOverTheSizeLimitIsTooLargeOnTheBody() {
        SubmissionValidator small = new SubmissionValidator(new ValidationLimits(1000));
        ArticleSubmitted story = Stories.story("story", 1).setBodyMarkdown("x".repeat(1001)).build();

        assertThat(small.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("bodyMarkdown", "too-large"));
    }

    @Test
    void aStoryOverTheSizeLimitAsAWholeIsTooLarge() {
        SubmissionValidator small = new SubmissionValidator(new ValidationLimits(1000));
        ArticleSubmitted story = Stories.story("story", 1).setBodyMarkdown("x".repeat(900)).build();

        assertThat(small.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("payload", "too-large"));
    }

    @Test
    void theSizeLimitCountsUtf8Bytes() {
        SubmissionValidator small = new SubmissionValidator(new ValidationLimits(1000));
        ArticleSubmitted story = Stories.story("story", 1).setBodyMarkdown("\u00e9".repeat(501)).build();

        assertThat(small.validate(story)).extracting(RejectionReason::getCode).containsExactly("too-large");
    }

    @Test
    void anUnpublishNeedsOnlyItsIdRevisionAndSource() {
        assertThat(validator.validate(Stories.unpublish("story", 7))).isEmpty();
    }

    @Test
    void aTakedownCannotBePreviewed() {
        ArticleSubmitted takedown = Stories.unpublish("story", 7);
        takedown.setPreview(true);

        assertThat(validator.validate(takedown)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("preview", "bad-value"));
    }

    @Test
    void anUnpublishWithoutIdOrSourceIsRejected() {
        ArticleSubmitted takedown = Stories.unpublish("", 0);
        takedown.setSource("");

        assertThat(validator.validate(takedown)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("articleId", "required"), tuple("source", "required"),
                        tuple("revision", "bad-revision"));
    }

    @Test
    void aMalformedLanguageTagIsRejected() {
        assertThat(validator.validate(Stories.story("story", 1).setLanguage("english please").build()))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("language", "bad-language"));
        assertThat(validator.validate(Stories.story("story", 1).setLanguage("pt-BR").build())).isEmpty();
    }

    @Test
    void aReplacementCharacterLeftByBytesThatWereNotUtf8IsBadUtf8() {
        ArticleSubmitted story = Stories.story("story", 1)
                .setHeadline("Caf\uFFFD au lait")
                .setTags(List.of("AI", "\uFFFD"))
                .setHero(new HeroImage("https://example.org/\uFFFD.jpg", "alt", null, null))
                .build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactlyInAnyOrder(tuple("headline", "bad-utf8"), tuple("tags[1]", "bad-utf8"),
                        tuple("hero.url", "bad-utf8"));
        assertThat(validator.validate(story).get(0).getMessage()).contains("U+FFFD at character 4").contains("UTF-8");
    }

    @Test
    void halfASurrogatePairIsBadUtf8ButAWholeOneIsFine() {
        assertThat(validator.validate(Stories.story("story", 1).setByline("Broken \uD83D").build()))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("byline", "bad-utf8"));
        assertThat(validator.validate(Stories.story("story", 1).setByline("\uDCF0 reversed \uD83D").build()))
                .extracting(RejectionReason::getCode).containsExactly("bad-utf8");
        assertThat(validator.validate(Stories.story("story", 1).setByline("Newspaper \uD83D\uDCF0").build()))
                .isEmpty();
    }

    @Test
    void aTextWithBothAControlCharacterAndBrokenBytesGetsBothReasons() {
        assertThat(validator.validate(Stories.story("story", 1).setHeadline("\u0007\uFFFD").build()))
                .extracting(RejectionReason::getCode).containsExactly("control-characters", "bad-utf8");
    }

    @Test
    void aNoncharacterIsRejectedNamingTheFieldTheCodePointAndTheCharacter() {
        ArticleSubmitted story = Stories.story("story", 1).setHeadline("Breaking ne\uFFFFws").build();

        assertThat(validator.validate(story)).singleElement().satisfies(reason -> {
            assertThat(reason.getField()).isEqualTo("headline");
            assertThat(reason.getCode()).isEqualTo("noncharacter");
            assertThat(reason.getMessage()).startsWith("The headline contains U+FFFF at character 12, ");
        });
    }

    @Test
    void everyTextFieldIdsIncludedIsCheckedForCharactersHtmlAndXmlCannotCarry() {
        String bad = "x\uFFFE";
        ArticleSubmitted story = Stories.story("story" + bad, 1)
                .setHeadline(bad).setDek(bad).setByline(bad).setCategory(bad).setBodyMarkdown(bad)
                .setTags(List.of("ok", bad))
                .setHero(new HeroImage("https://example.org/" + bad, bad, bad, bad))
                .setSource(bad).setLanguage("en" + bad)
                .build();

        assertThat(validator.validate(story)).filteredOn(reason -> reason.getCode().equals("noncharacter"))
                .extracting(RejectionReason::getField)
                .containsExactlyInAnyOrder("articleId", "headline", "dek", "byline", "category", "bodyMarkdown",
                        "tags[1]", "hero.url", "hero.alt", "hero.caption", "hero.credit", "source", "language");
    }

    @Test
    void aNoncharacterOutsideTheBasicPlaneIsNamedWithItsWholeCodePoint() {
        ArticleSubmitted story = Stories.story("story", 1).setByline("By \uD83F\uDFFF").build();

        assertThat(validator.validate(story)).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("noncharacter");
            assertThat(reason.getMessage()).startsWith("The byline contains U+1FFFF at character 4, ");
        });
    }

    @Test
    void aTakedownWhoseIdCannotBeCarriedIsRejected() {
        assertThat(validator.validate(Stories.unpublish("story\uFDD0", 2)))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("articleId", "noncharacter"));
    }

    @Test
    void aLoneCarriageReturnIsAControlCharacterButCrLfIsALineBreak() {
        assertThat(validator.validate(Stories.story("story", 1).setBodyMarkdown("One\r\nTwo").build())).isEmpty();
        assertThat(validator.validate(Stories.story("story", 1).setBodyMarkdown("One\rTwo").build()))
                .singleElement().satisfies(reason -> {
                    assertThat(reason.getCode()).isEqualTo("control-characters");
                    assertThat(reason.getMessage()).contains("U+000D at character 4").contains("line feed");
                });
    }

    @Test
    void aQuotedValueInAMessageNamesItsUncarriableCharactersInsteadOfRepeatingThem() {
        ArticleSubmitted story = Stories.story("story", 1).setHero(new HeroImage("ftp://x\uFFFF", "alt", null, null))
                .build();

        assertThat(validator.validate(story)).extracting(RejectionReason::getMessage)
                .anySatisfy(message -> assertThat(message).contains("'ftp://x<U+FFFF>'"))
                .allSatisfy(message -> assertThat(TextCharacters.isCarriable(message)).isTrue());
    }
}
