package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteServerTest {

    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
            "Referrer-Policy", "X-Frame-Options");

    @TempDir
    Path out;

    private final HttpClient http = HttpClient.newHttpClient();
    private StaticSiteServer server;

    @BeforeEach
    void serveASite() {
        SiteFolder folder = new SiteFolder(out);
        SiteBuilder site = new SiteBuilder(folder, SiteSettings.stackDigest(), SiteBuilderTest.CLOCK);
        site.reset();
        site.apply(story("a1").path("/ai/first-story/").tags("OpenAI:openai").published());
        site.flush();
        server = new StaticSiteServer(folder, "127.0.0.1", 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyKindOfFileIsServedWithItsContentType() throws Exception {
        Map<String, String> types = Map.of(
                "/", "text/html; charset=utf-8",
                "/ai/", "text/html; charset=utf-8",
                "/tags/openai/", "text/html; charset=utf-8",
                "/feed.xml", "application/rss+xml; charset=utf-8",
                "/ai/atom.xml", "application/atom+xml; charset=utf-8",
                "/tags/openai/feed.json", "application/feed+json; charset=utf-8",
                "/sitemap.xml", "application/xml; charset=utf-8",
                "/news-sitemap.xml", "application/xml; charset=utf-8",
                "/favicon.svg", "image/svg+xml");
        for (Map.Entry<String, String> expected : types.entrySet()) {
            HttpResponse<String> response = get(expected.getKey(), Map.of());
            assertThat(response.statusCode()).as(expected.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(expected.getKey()).hasValue(expected.getValue());
        }
    }

    @Test
    void aRepeatedRequestWithTheETagOrTheDateIsAnsweredNotModified() throws Exception {
        HttpResponse<String> first = get("/feed.xml", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(get("/feed.xml", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(get("/feed.xml", Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
        assertThat(get("/feed.xml", Map.of("If-None-Match", "\"something-else\"")).statusCode()).isEqualTo(200);
    }

    @Test
    void aPageThatIsNotThereOrOutsideTheFolderIsNotFound() throws Exception {
        assertThat(get("/tags/nothing/", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/..%2F..%2Fetc%2Fpasswd", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPreviewIsServedAtItsAddressAsWrittenAndMarkedNotToBeIndexedCachedOrReferred() throws Exception {
        new SiteFolder(out).write("preview/" + PreviewsTest.TOKEN + "/index.html", PreviewsTest.PAGE);

        HttpResponse<String> preview = get("/preview/" + PreviewsTest.TOKEN + "/", Map.of());

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).isEqualTo(PreviewsTest.PAGE);
        assertThat(preview.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(preview.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(preview.headers().firstValue("Content-Security-Policy")).hasValue(StaticSiteServer.CONTENT_SECURITY_POLICY);
        assertThat(get("/preview/", Map.of()).statusCode()).as("no index of previews").isEqualTo(404);
        assertThat(get("/preview/" + PreviewsTest.TOKEN.substring(1) + "/", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/ai/first-story/", Map.of()).headers().firstValue("X-Robots-Tag")).isEmpty();
    }

    @Test
    void robotsTxtIsServedAsText() throws Exception {
        HttpResponse<String> robots = get("/robots.txt", Map.of());

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(robots.body()).contains("Disallow: /preview/");
    }

    @Test
    void theRunsLogsAreNeverServedThoughTheyAreInTheFolder() throws Exception {
        assertThat(out.resolve(SiteBuilder.PUBLISHED_LOG)).exists();
        assertThat(out.resolve(SiteBuilder.REJECTED_LOG)).exists();

        for (String path : List.of("/published.jsonl", "/rejected.jsonl", "/PUBLISHED.JSONL", "/ai/published.jsonl")) {
            HttpResponse<String> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("articleId");
        }
        Files.writeString(out.resolve("ai/notes.jsonl"), "{}");
        assertThat(get("/ai/notes.jsonl", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileBeingWrittenOrAnyDotFileIsNeverServed() throws Exception {
        // As SiteFolder names a page while it writes it, before renaming it into place.
        Files.writeString(out.resolve("ai/.galley-12345.tmp"), "<p>half a pa");
        Files.writeString(out.resolve("ai/first-story/page.tmp"), "half");
        Files.createDirectories(out.resolve(".hidden"));
        Files.writeString(out.resolve(".hidden/index.html"), "secret");

        for (String path : List.of("/ai/.galley-12345.tmp", "/ai/first-story/page.tmp", "/.hidden/", "/.hidden/index.html")) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/ai/first-story/", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/", Map.of());
        String etag = page.headers().firstValue("ETag").orElseThrow();
        List<HttpResponse<String>> responses = List.of(page, get("/feed.xml", Map.of()), get("/favicon.svg", Map.of()),
                get("/nothing-here/", Map.of()), get("/published.jsonl", Map.of()), get("/", Map.of("If-None-Match", etag)),
                send("POST", "/"), send("HEAD", "/"));
        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 404, 404, 304, 405, 200);
        for (HttpResponse<String> response : responses) {
            for (String header : SECURITY_HEADERS) {
                assertThat(response.headers().firstValue(header)).as(response.request().method() + " "
                        + response.uri().getPath() + " " + header).isPresent();
            }
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void thePolicyForbidsFramingScriptsAndFetchesAndAllowsWhatThePagesUse() throws Exception {
        String policy = get("/", Map.of()).headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action 'none'", "img-src 'self'").doesNotContain("script-src", "connect-src", "'unsafe-eval'");
        // Each page's own policy holds its stylesheet to its hash; this one must let that stylesheet through.
        String page = get("/", Map.of()).body();
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\"", "<style>").doesNotContain("<script");
        assertThat(policy).contains("style-src 'unsafe-inline'");
    }

    @Test
    void errorBodiesNameNoPathAndNoException() throws Exception {
        for (HttpResponse<String> response : List.of(get("/..%2F..%2Fetc%2Fpasswd", Map.of()), get("/published.jsonl", Map.of()),
                get("/tags/nothing/", Map.of()), send("DELETE", "/"))) {
            assertThat(response.body()).as(response.uri().getPath())
                    .doesNotContain(out.toString(), "Exception", "passwd", "jsonl", "nothing");
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
