package org.galley.bench.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.events.ArticleSubmitted;

/**
 * The yardstick: the same stories as a Hugo site, built cold. Each story becomes {@code content/posts/<id>.md}
 * (title, date, description, tags and categories in its front matter, the same Markdown body); a minimal
 * theme-less layout gives each an article page with its reading time, word count, tags and three related stories
 * ({@code .Related} over tags, category and date, like Galley's), and list pages for home, sections, tags and
 * categories, with Hugo's RSS feeds and sitemap as they come. {@code public/}, {@code resources/} and the cache
 * are deleted first, then {@code hugo --quiet} is timed. Hugo's output goes to {@code logs/hugo.log}.
 *
 * @param version  what {@code hugo version} says
 * @param pages    article pages Hugo wrote (checked to be one per story)
 * @param seconds  the build's wall-clock time
 */
record HugoBuild(String version, int pages, double seconds) {

    /** The configuration and layouts, kept as files beside this class (under {@code hugo/}). */
    static final List<String> SITE_FILES = List.of(
            "hugo.toml", "layouts/_default/single.html", "layouts/_default/list.html", "layouts/index.html");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Article pages per second. */
    double perSecond() {
        return pages / seconds;
    }

    /** Hugo on the PATH, if there is one. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "hugo"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Writes the site for {@code stories} into {@code siteDir}, builds it cold with {@code hugo}, and times the build. */
    static HugoBuild run(Path hugo, List<ArticleSubmitted> stories, Path siteDir, Path log) {
        writeSite(siteDir, stories);
        for (String generated : List.of("public", "resources", "cache")) {
            Folders.delete(siteDir.resolve(generated));
        }
        String version = version(hugo);
        long start = System.nanoTime();
        int status = exec(siteDir, log, hugo.toString(), "--quiet", "--cacheDir", siteDir.resolve("cache").toAbsolutePath().toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("hugo exited with status " + status + "; see " + log);
        }
        int pages = countPages(siteDir.resolve("public").resolve("posts"), stories);
        if (pages != stories.size()) {
            throw new IllegalStateException("hugo wrote " + pages + " article pages for " + stories.size() + " stories; see " + log);
        }
        return new HugoBuild(version, pages, seconds);
    }

    /** Runs the build when Hugo is installed; otherwise, or when the build fails, says why and answers empty. */
    static Optional<HugoBuild> runIfInstalled(List<ArticleSubmitted> stories, Path siteDir, Path log, PrintStream console) {
        Optional<Path> hugo = find();
        if (hugo.isEmpty()) {
            console.println("  hugo is not on the PATH: no comparison with Hugo");
            return Optional.empty();
        }
        try {
            return Optional.of(run(hugo.get(), stories, siteDir, log));
        } catch (RuntimeException e) {
            console.println("  the Hugo build failed, so there is no comparison with it: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The site's sources: configuration, layouts and one content file per story. */
    static void writeSite(Path siteDir, Collection<ArticleSubmitted> stories) {
        Path posts = siteDir.resolve("content").resolve("posts");
        Folders.delete(siteDir.resolve("content"));
        for (String file : SITE_FILES) {
            write(siteDir.resolve(file), resource(file));
        }
        for (ArticleSubmitted story : stories) {
            write(posts.resolve(story.getArticleId() + ".md"), contentFile(story));
        }
    }

    /** A story as a Hugo content file: YAML front matter (every text quoted as JSON, which YAML reads the same), then the body. */
    static String contentFile(ArticleSubmitted story) {
        List<String> categories = story.getCategory().isBlank() ? List.of() : List.of(story.getCategory());
        Instant date = story.getPublishedAt() != null ? story.getPublishedAt() : story.getSubmittedAt();
        StringBuilder file = new StringBuilder("---\n");
        file.append("title: ").append(json(story.getHeadline())).append('\n');
        file.append("date: ").append(date.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        if (story.getDek() != null) {
            file.append("description: ").append(json(story.getDek())).append('\n');
        }
        file.append("tags: ").append(json(story.getTags())).append('\n');
        file.append("categories: ").append(json(categories)).append('\n');
        file.append("---\n\n").append(story.getBodyMarkdown());
        return file.toString();
    }

    private static int countPages(Path posts, List<ArticleSubmitted> stories) {
        int pages = 0;
        for (ArticleSubmitted story : stories) {
            if (Files.isRegularFile(posts.resolve(story.getArticleId()).resolve("index.html"))) {
                pages++;
            }
        }
        return pages;
    }

    private static String version(Path hugo) {
        try {
            Process process = new ProcessBuilder(hugo.toString(), "version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(30, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + hugo, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static int exec(Path dir, Path log, String... command) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("hugo did not finish within 30 minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String resource(String file) {
        try (InputStream in = HugoBuild.class.getResourceAsStream("hugo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("hugo/" + file + " is missing from the benchmark's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
