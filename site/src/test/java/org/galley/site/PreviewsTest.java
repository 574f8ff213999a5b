package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.galley.site.StoryEvents.story;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preview pages: where they are written, what is refused, and that nothing of the site lists them. */
class PreviewsTest {

    static final String TOKEN = "Zq3_kP9-xW2mT7vR4nB8";
    static final String PAGE = "<!doctype html><html><head><meta name=\"robots\" content=\"noindex, nofollow\">"
            + "<title>Draft</title></head><body><h1>A draft headline</h1></body></html>\n";

    @TempDir
    Path out;

    @Test
    void aPreviewIsWrittenToItsTokensFolderAndATombstoneRemovesIt() {
        assertThat(Previews.change("/preview/" + TOKEN + "/", PAGE))
                .isEqualTo(new FileChange.Write("preview/" + TOKEN + "/index.html", PAGE));
        assertThat(Previews.change("/preview/" + TOKEN + "/", null))
                .isEqualTo(new FileChange.Delete("preview/" + TOKEN + "/index.html"));
    }

    @Test
    void tokensOf16To128LettersDigitsDashesAndUnderscoresAreAccepted() {
        assertThat(Previews.fileOf("/preview/" + "a".repeat(16) + "/")).isEqualTo("preview/" + "a".repeat(16) + "/index.html");
        assertThat(Previews.fileOf("/preview/" + "Z9_-".repeat(32) + "/")).endsWith("/index.html");
    }

    @Test
    void aPathThatIsNotExactlyAPreviewsIsRefused() {
        List<String> refused = Stream.of(
                null, "", "/", "/preview/", "/preview", "/preview/" + "a".repeat(15) + "/",
                "/preview/" + "a".repeat(129) + "/", "/preview/" + TOKEN, "preview/" + TOKEN + "/",
                "/preview/" + TOKEN + "/index.html", "/preview/" + TOKEN + "/more/", "/preview/../" + TOKEN + "/",
                "/preview/" + TOKEN + "/../../etc/", "/preview/../../../../etc/passwd/", "/preview/" + TOKEN + ".x/",
                "/preview/%2e%2e%2f" + TOKEN + "/", "/preview/" + TOKEN + "/\n", "//preview/" + TOKEN + "/",
                "/ai/preview/" + TOKEN + "/", "/Preview/" + TOKEN + "/", "/preview/" + TOKEN.replace('q', 'é') + "/")
                .toList();
        for (String path : refused) {
            assertThatThrownBy(() -> Previews.fileOf(path)).as(String.valueOf(path))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPreviewIsWrittenExactlyAsItCameAndListedNowhere() throws Exception {
        SiteBuilder site = newSite();
        site.apply(story("a1").path("/ai/first-story/").tags("OpenAI:openai").published());

        site.preview("/preview/" + TOKEN + "/", PAGE);
        site.flush();

        assertThat(Files.readString(out.resolve("preview/" + TOKEN + "/index.html"))).isEqualTo(PAGE);
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> listingTheToken = files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(out.resolve("preview")))
                    .filter(file -> read(file).contains(TOKEN) || read(file).contains("/preview/"))
                    .filter(file -> !file.equals(out.resolve(RobotsTxt.FILE)))
                    .toList();
            assertThat(listingTheToken).as("home, sections, tags, feeds, sitemaps and logs").isEmpty();
        }
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("preview/index.html")).as("no listing of previews").doesNotExist();
    }

    @Test
    void theLatestPreviewWinsAndATombstoneDeletesItsFile() throws Exception {
        SiteBuilder site = newSite();
        site.preview("/preview/" + TOKEN + "/", "<p>first draft</p>");
        site.preview("/preview/" + TOKEN + "/", PAGE);
        assertThat(Files.readString(out.resolve("preview/" + TOKEN + "/index.html"))).isEqualTo(PAGE);

        site.preview("/preview/" + TOKEN + "/", null);

        assertThat(out.resolve("preview/" + TOKEN)).doesNotExist();
        assertThat(out.resolve("preview")).as("no empty folder left").doesNotExist();
    }

    @Test
    void aPreviewWithAPathThatClimbsOutIsRefusedAndWritesNothing() {
        SiteBuilder site = newSite();

        assertThatThrownBy(() -> site.preview("/preview/../../escaped-aaaaaaaaaaaaaa/", PAGE))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(out.resolve("preview")).doesNotExist();
        assertThat(out.getParent().resolve("escaped-aaaaaaaaaaaaaa")).doesNotExist();
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfPreviewsAndNamesTheSitemap() throws Exception {
        newSite();

        assertThat(Files.readString(out.resolve("robots.txt"))).isEqualTo("User-agent: *\n"
                + "Disallow: /preview/\n"
                + "\n"
                + "Sitemap: " + SiteSettings.stackDigest().baseUrl() + "/sitemap.xml\n");
    }

    @Test
    void aStoryCannotLiveBelowThePreviewsFolder() {
        SiteBuilder site = newSite();

        assertThatThrownBy(() -> site.apply(story("a1").path("/preview/" + TOKEN + "/").published()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/preview/");
        assertThatThrownBy(() -> site.apply(story("a2").path("/preview/some-story/").published()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> site.apply(story("a3").path("/PREVIEW/some-story/").published()))
                .as("the same folder on a case-insensitive file system").isInstanceOf(IllegalArgumentException.class);
        site.apply(story("a4").path("/previews-of-the-week/some-story/").published());
    }

    private SiteBuilder newSite() {
        SiteBuilder site = new SiteBuilder(new SiteFolder(out), SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        site.reset();
        return site;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
