package org.galley.ingest.storyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.galley.events.Action;
import org.galley.events.ArticleRejected;
import org.galley.events.ArticleSubmitted;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.SubmissionValidator;
import org.galley.ingest.validation.ValidationLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoryFileParserTest {

    private static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    private static final String BASE_URL = "https://stackdigest.org";

    private final StoryFileParser parser = new StoryFileParser(BASE_URL, "galley-cli", Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Path> sampleStories() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../samples/stories").normalize();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).as("sample stories in %s", dir).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("sampleStories")
    void everySampleStoryReadsIntoAValidSubmissionWithoutWarnings(Path file) {
        StoryFileResult result = parser.parse(file);

        assertThat(result).isInstanceOf(StoryFileResult.Parsed.class);
        StoryFileResult.Parsed parsed = (StoryFileResult.Parsed) result;
        ArticleSubmitted story = parsed.submission();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(story.getArticleId()).isEqualTo(file.getFileName().toString().replace(".md", ""));
        assertThat(story.getRevision()).isEqualTo(1);
        assertThat(story.getAction()).isEqualTo(Action.PUBLISH);
        assertThat(story.getHero().getUrl()).startsWith(BASE_URL + "/media/");
        assertThat(story.getBodyMarkdown()).doesNotStartWith("\n").doesNotStartWith("---");
        assertThat(story.getSource()).isEqualTo("galley-cli");
        assertThat(story.getSubmittedAt()).isEqualTo(NOW);
        assertThat(new SubmissionValidator(ValidationLimits.defaults()).validate(story)).isEmpty();
    }

    @Test
    void theReferenceStoryReadsEveryFrontMatterField() throws IOException {
        Path file = sampleStories().filter(p -> p.endsWith("microsoft-openai-partnership.md")).findFirst().orElseThrow();

        ArticleSubmitted story = ((StoryFileResult.Parsed) parser.parse(file)).submission();

        assertThat(story.getArticleId()).isEqualTo("microsoft-openai-partnership");
        assertThat(story.getHeadline()).isEqualTo(
                "Microsoft and OpenAI Are Not Breaking Up but They Are No Longer One Company in Practice");
        assertThat(story.getDek()).startsWith("The biggest AI alliance of the decade has just been rewritten.");
        assertThat(story.getByline()).isEqualTo("Stack Digest");
        assertThat(story.getCategory()).isEqualTo("AI");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(story.getTags()).containsExactly("AI");
        assertThat(story.getHero().getUrl()).isEqualTo("https://stackdigest.org/media/ai-partnership.svg");
        assertThat(story.getHero().getAlt()).startsWith("Two laptops");
        assertThat(story.getHero().getCaption()).startsWith("The modern AI stack");
        assertThat(story.getHero().getCredit()).isEqualTo("Photo: Unsplash");
        assertThat(story.getLanguage()).isEqualTo("en");
        assertThat(story.getBodyMarkdown()).startsWith("For most of the last several years")
                .contains("## The End of Exclusivity Changes the Mood");
    }

    @Test
    void optionalIdRevisionLanguageAndATimestampAreRead() {
        StoryFileResult.Parsed parsed = parsed("ignored-name.md", """
                ---
                id: ms-openai
                revision: 3
                language: de
                headline: Eine Schlagzeile
                byline: Stack Digest
                category: AI
                published: 2026-04-28T09:30:00+02:00
                tags: AI, Cloud , , Microsoft
                ---
                Body.
                """);

        ArticleSubmitted story = parsed.submission();
        assertThat(story.getArticleId()).isEqualTo("ms-openai");
        assertThat(story.getRevision()).isEqualTo(3);
        assertThat(story.getLanguage()).isEqualTo("de");
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2026-04-28T07:30:00Z"));
        assertThat(story.getTags()).containsExactly("AI", "Cloud", "Microsoft");
        assertThat(story.getHero()).isNull();
        assertThat(story.getDek()).isNull();
        assertThat(story.getBodyMarkdown()).isEqualTo("Body.");
    }

    @Test
    void anAbsoluteHeroUrlIsKeptAndOtherSourcesAreLeftForValidation() {
        assertThat(heroUrl("https://cdn.example.org/a.jpg")).isEqualTo("https://cdn.example.org/a.jpg");
        assertThat(heroUrl("javascript:alert(1)")).isEqualTo("javascript:alert(1)");
        assertThat(heroUrl("//cdn.example.org/a.jpg")).isEqualTo("//cdn.example.org/a.jpg");
    }

    @Test
    void aBaseUrlWithATrailingSlashDoesNotDoubleTheSlash() {
        StoryFileParser slashed = new StoryFileParser(BASE_URL + "/", "cli", Clock.systemUTC());
        StoryFileResult.Parsed parsed = (StoryFileResult.Parsed) slashed.parse("s.md",
                "---\nhero:\n  src: /media/x.svg\n  alt: x\n---\nBody".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.submission().getHero().getUrl()).isEqualTo("https://stackdigest.org/media/x.svg");
    }

    @Test
    void anUnknownKeyIsIgnoredWithAWarningNamingFileAndLine() {
        StoryFileResult.Parsed parsed = parsed("story.md", """
                ---
                headline: A headline
                layout: post
                hero:
                  src: /media/x.svg
                  alt: An image
                  width: 800
                ---
                Body.
                """);

        assertThat(parsed.warnings()).hasSize(2);
        assertThat(parsed.warnings().get(0)).startsWith("story.md line 3: unknown key 'layout' is ignored");
        assertThat(parsed.warnings().get(1)).startsWith("story.md line 7: unknown key 'hero.width' is ignored");
    }

    @Test
    void missingFieldsAreLeftEmptyForValidationToReport() {
        StoryFileResult.Parsed parsed = parsed("bare.md", "---\nheadline: Only a headline\n---\n");

        ArticleSubmitted story = parsed.submission();
        assertThat(story.getByline()).isEmpty();
        assertThat(story.getBodyMarkdown()).isEmpty();
        assertThat(new SubmissionValidator(ValidationLimits.defaults()).validate(story))
                .extracting(RejectionReason::getField)
                .containsExactlyInAnyOrder("byline", "category", "bodyMarkdown");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() {
        StoryFileResult.Parsed parsed = parsed("crlf.md",
                "\uFEFF---\r\nheadline: Windows story\r\nbyline: Someone\r\n---\r\n\r\nFirst line.\r\nSecond line.\r\n");

        assertThat(parsed.submission().getHeadline()).isEqualTo("Windows story");
        assertThat(parsed.submission().getBodyMarkdown()).isEqualTo("First line.\nSecond line.");
    }

    @Test
    void aFileWithoutFrontMatterIsAClearError() {
        assertThat(failed("no-front-matter.md", "# Just Markdown\n\nNo front matter here.\n"))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("frontMatter", "missing-front-matter"));
        assertThat(failed("no-front-matter.md", "# Just Markdown\n").get(0).getMessage())
                .startsWith("no-front-matter.md line 1: ").contains("'---'");
    }

    @Test
    void frontMatterThatIsNeverClosedIsAClearError() {
        List<RejectionReason> reasons = failed("unclosed.md", "---\nheadline: A headline\n\nThe body.\n");

        assertThat(reasons).extracting(RejectionReason::getCode).containsExactly("missing-front-matter");
        assertThat(reasons.get(0).getMessage()).startsWith("unclosed.md line 1: ").contains("never closed");
    }

    @Test
    void brokenYamlNamesTheFileAndTheLineOfTheProblem() {
        List<RejectionReason> reasons = failed("broken.md", """
                ---
                headline: A headline
                byline: Stack Digest
                dek: Now: an unquoted colon
                ---
                Body.
                """);

        assertThat(reasons).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("frontMatter", "bad-yaml"));
        assertThat(reasons.get(0).getMessage()).startsWith("broken.md line 4: ").contains("quotes");
    }

    @Test
    void badIndentationIsBrokenYaml() {
        List<RejectionReason> reasons = failed("indent.md", "---\nhero:\n  src: /a.svg\n alt: x\n---\nBody\n");

        assertThat(reasons).extracting(RejectionReason::getCode).containsExactly("bad-yaml");
        assertThat(reasons.get(0).getMessage()).startsWith("indent.md line ");
    }

    @Test
    void nonUtf8BytesNameTheFileAndLine() {
        byte[] latin1 = "---\nheadline: Caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1);

        List<RejectionReason> reasons = failed("latin1.md", latin1);

        assertThat(reasons).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("payload", "bad-encoding"));
        assertThat(reasons.get(0).getMessage()).startsWith("latin1.md line 2: ").contains("UTF-8");
    }

    @Test
    void wrongKindsOfValuesAreAllReportedWithTheirLines() {
        List<RejectionReason> reasons = failed("kinds.md", """
                ---
                headline: [not, a, text]
                revision: two
                published: last tuesday
                tags: {a: b}
                hero: /media/x.svg
                ---
                Body.
                """);

        assertThat(reasons).extracting(RejectionReason::getField, RejectionReason::getCode).containsExactlyInAnyOrder(
                tuple("headline", "bad-value"), tuple("revision", "bad-value"), tuple("publishedAt", "bad-value"),
                tuple("tags", "bad-value"), tuple("hero", "bad-value"));
        assertThat(reasons).extracting(RejectionReason::getMessage).allSatisfy(m -> assertThat(m).startsWith("kinds.md line "));
        assertThat(reasons).filteredOn(reason -> reason.getField().equals("revision"))
                .extracting(RejectionReason::getMessage).singleElement().asString().startsWith("kinds.md line 3: ");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThat(failed("dup.md", "---\nheadline: One\nheadline: Two\n---\nBody\n"))
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("headline", "duplicate-key"));
    }

    @Test
    void frontMatterThatIsNotKeysAndValuesIsAnError() {
        assertThat(failed("list.md", "---\n- one\n- two\n---\nBody\n"))
                .extracting(RejectionReason::getCode).containsExactly("bad-yaml");
    }

    @Test
    void withoutAFileNameOrIdKeyTheStoryHasNoArticleId() {
        StoryFileResult result = parser.parse("request body", "---\nheadline: H\n---\nBody\n".getBytes(StandardCharsets.UTF_8), null);

        assertThat(((StoryFileResult.Failed) result).reasons())
                .extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("articleId", "required"));
    }

    @Test
    void theIdInTheFrontMatterWinsOverTheDefault() {
        StoryFileResult result = parser.parse("x.md", "---\nid: chosen\n---\nBody\n".getBytes(StandardCharsets.UTF_8), "default");

        assertThat(((StoryFileResult.Parsed) result).submission().getArticleId()).isEqualTo("chosen");
    }

    @Test
    void theDefaultIdIsTheFileNameWithoutFolderOrExtension() {
        assertThat(StoryFileParser.idFromFileName("stories/claude-goes-to-work.md")).isEqualTo("claude-goes-to-work");
        assertThat(StoryFileParser.idFromFileName("C:\\news\\Story.MD")).isEqualTo("Story");
        assertThat(StoryFileParser.idFromFileName("long.markdown")).isEqualTo("long");
    }

    @Test
    void anUnreadableFileIsAFailureNotACrash(@TempDir Path dir) {
        StoryFileResult result = parser.parse(dir.resolve("missing.md"));

        assertThat(result).isInstanceOf(StoryFileResult.Failed.class);
        assertThat(((StoryFileResult.Failed) result).reasons().get(0).getMessage()).startsWith("missing.md: ");
    }

    @Test
    void anAliasBombIsRefused() {
        String bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nheadline: H\n---\nBody\n";

        StoryFileResult result = parser.parse("bomb.md", bomb.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(StoryFileResult.Failed.class);
    }

    @Test
    void aFailureBecomesARejectionCarryingTheReasonsAndTheOriginalBytes() {
        byte[] content = "# no front matter\n".getBytes(StandardCharsets.UTF_8);
        StoryFileResult.Failed failed = (StoryFileResult.Failed) parser.parse("bad.md", content);

        ArticleRejected rejected = failed.toRejection("bad", "devstack", content, NOW);

        assertThat(rejected.getArticleId()).isEqualTo("bad");
        assertThat(rejected.getSource()).isEqualTo("devstack");
        assertThat(rejected.getReasons()).isEqualTo(failed.reasons());
        assertThat(rejected.getOriginalPayload().array()).isEqualTo(content);
        assertThat(rejected.getRejectedAt()).isEqualTo(NOW);
    }

    private String heroUrl(String src) {
        return parsed("s.md", "---\nhero:\n  src: \"" + src + "\"\n  alt: x\n---\nBody\n").submission().getHero().getUrl();
    }

    private StoryFileResult.Parsed parsed(String fileName, String content) {
        StoryFileResult result = parser.parse(fileName, content.getBytes(StandardCharsets.UTF_8));
        assertThat(result).as("%s", result).isInstanceOf(StoryFileResult.Parsed.class);
        return (StoryFileResult.Parsed) result;
    }

    private List<RejectionReason> failed(String fileName, String content) {
        return failed(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<RejectionReason> failed(String fileName, byte[] content) {
        StoryFileResult result = parser.parse(fileName, content);
        assertThat(result).as("%s", result).isInstanceOf(StoryFileResult.Failed.class);
        return ((StoryFileResult.Failed) result).reasons();
    }

    @Test
    void frontMatterCharactersHtmlAndXmlCannotCarryAreNamedWithTheirKeyLineAndColumn() {
        List<RejectionReason> reasons = failed("bad.md", "---\nheadline: Fine\nhero:\n  src: /a.jpg\n"
                + "  alt: A\uFFFF photo\ntags:\n  - AI\n  - Bell\u0007\n---\nBody.\n");

        assertThat(reasons).extracting(RejectionReason::getField, RejectionReason::getCode)
                .containsExactly(tuple("hero.alt", "noncharacter"), tuple("tags", "control-characters"));
        assertThat(reasons.get(0).getMessage()).startsWith("bad.md line 5, column 9: 'hero.alt' contains U+FFFF, ");
        assertThat(reasons.get(1).getMessage()).startsWith("bad.md line 8, column 9: 'tags' contains U+0007, ");
    }

    @Test
    void aNoncharacterTheYamlReaderTakesIsStillRefusedBeforeReadingIt() {
        assertThat(failed("bad.md", "---\nbyline: Jo\uFDD0\n---\nBody.\n"))
                .extracting(RejectionReason::getField, RejectionReason::getCode, RejectionReason::getMessage)
                .containsExactly(tuple("byline", "noncharacter",
                        "bad.md line 2, column 11: 'byline' contains U+FDD0, a Unicode noncharacter that HTML "
                                + "and XML cannot carry; remove it."));
    }
}
