package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.galley.site.StoryEvents.story;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.galley.runtime.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteServerTest {

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
                "/published.jsonl", "application/jsonl; charset=utf-8");
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

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
