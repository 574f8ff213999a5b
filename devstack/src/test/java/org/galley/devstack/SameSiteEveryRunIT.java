package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.galley.site.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site {@code ./galley up} leaves does not depend on how the run's timing falls: the same folder published
 * one story at a time in publication order, and with every story in flight at once, newest first (so enrich
 * sees later stories before the earlier ones their related links and tickers depend on), gives the same bytes
 * in every file. Only the two logs differ, as they list events in the order they happened.
 */
class SameSiteEveryRunIT {

    private static final int STORIES = 24;
    private static final Duration STORY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> TAGS = List.of("Kafka", "AI", "Publishing", "Cloud", "Security", "Open Source");
    private static final List<String> CATEGORIES = List.of("AI", "Engineering", "Business");
    private static final List<String> SUBJECTS = List.of("Newsrooms", "Regulators", "Start-ups", "Cloud Providers",
            "Editors", "Chip Makers", "Publishers", "Developers");
    private static final List<String> TURNS = List.of("Rethink", "Double Down on", "Walk Away From", "Quietly Rebuild",
            "Put a Price on", "Open Up");
    private static final List<String> THINGS = List.of("Event Streams", "Model Licensing", "Paywalls", "Data Centres",
            "Open Weights", "Search Traffic", "Breaking News Alerts");

    @TempDir
    Path work;

    @Test
    void oneStoryAtATimeInOrderAndAllAtOnceNewestFirstLeaveTheSameBytesInEveryFile() throws Exception {
        Path stories = writeStories(Files.createDirectories(work.resolve("stories")));

        Map<String, byte[]> serial = publish(stories, "serial", 1, StoryFolder.OLDEST_FIRST);
        Map<String, byte[]> concurrent = publish(stories, "concurrent", STORIES, StoryFolder.OLDEST_FIRST.reversed());

        assertThat(serial).as("story pages and more").hasSizeGreaterThan(STORIES);
        assertThat(concurrent.keySet()).containsExactlyElementsOf(serial.keySet());
        List<String> differ = serial.keySet().stream()
                .filter(file -> !Arrays.equals(serial.get(file), concurrent.get(file)))
                .toList();
        assertThat(differ).as(() -> "files that differ:\n" + differences(differ, serial, concurrent)).isEmpty();
    }

    /** Publishes the folder through a stack of its own and returns every file of the site but the two logs. */
    private Map<String, byte[]> publish(Path stories, String run, int inFlight, Comparator<StoryFile> order)
            throws InterruptedException {
        Path site = work.resolve(run + "-site");
        // One base URL for both runs: the stacks' sites listen on different ports, and pages name the site.
        try (LocalStack stack = LocalStack.start(new LocalStack.Ports(0, 0, 0, 0), work.resolve(run + "-stack"), site,
                Map.of("GALLEY_SITE_BASE_URL", "https://news.example"))) {
            PublishReport report = new StoryPublisher(stack, System.out, new PlainLines(System.out, STORY_TIMEOUT),
                    new InFlightWindow.Limits(inFlight, STORY_TIMEOUT), order).publishFolder(stories);
            assertThat(report.exitCode()).as(run + ": " + report.summary()).isEqualTo(UpCommand.ALL_PUBLISHED);
        }
        return siteFiles(site);
    }

    /**
     * Stories whose file-name order is not their publication order, each with two of a few shared tags (so each
     * has related stories and every ticker changes as stories arrive) and a distinct publication time.
     */
    private static Path writeStories(Path folder) throws IOException {
        Instant first = Instant.parse("2025-01-06T08:00:00Z");
        for (int i = 0; i < STORIES; i++) {
            Instant published = first.plus(Duration.ofHours(7L * ((i * 7) % STORIES)));
            String headline = SUBJECTS.get(i % SUBJECTS.size()) + " " + TURNS.get(i % TURNS.size()) + " "
                    + THINGS.get(i % THINGS.size()) + ", Part " + (i + 1);
            Files.writeString(folder.resolve(String.format("story-%02d.md", i)), """
                    ---
                    headline: %s
                    dek: What changed this week, who it affects, and what to watch for next.
                    byline: Desk %d
                    category: %s
                    published: %s
                    tags: [%s, %s]
                    ---

                    %s are changing course. The shift has been coming for months, and this week it became official.

                    ## What changed

                    Three people familiar with the plans said the change would be phased in over the coming
                    quarter. Nobody expects it to be the last word on the subject.

                    ## Why it matters

                    Readers will notice it first in how quickly stories reach them, and in what they pay for them.
                    """.formatted(headline, i % 5, CATEGORIES.get(i % CATEGORIES.size()), published,
                    TAGS.get(i % TAGS.size()), TAGS.get((i * 5 + 1) % TAGS.size()), SUBJECTS.get(i % SUBJECTS.size())),
                    StandardCharsets.UTF_8);
        }
        return folder;
    }

    private static Map<String, byte[]> siteFiles(Path site) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(site)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(file).toString().replace('\\', '/');
                if (!name.equals(SiteBuilder.PUBLISHED_LOG) && !name.equals(SiteBuilder.REJECTED_LOG)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Each differing file's first differing line, from both runs. */
    private static String differences(List<String> differ, Map<String, byte[]> serial, Map<String, byte[]> concurrent) {
        List<String> report = new ArrayList<>();
        for (String file : differ) {
            List<String> a = new String(serial.get(file), StandardCharsets.UTF_8).lines().toList();
            List<String> b = new String(concurrent.get(file), StandardCharsets.UTF_8).lines().toList();
            int line = 0;
            while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
                line++;
            }
            long differing = a.size() != b.size() ? -1 : IntStream.range(0, a.size())
                    .filter(i -> !a.get(i).equals(b.get(i))).count();
            report.add(file + " line " + (line + 1) + (differing > 0 ? " (" + differing + " lines differ)" : "") + ":\n  serial:     " + (line < a.size() ? a.get(line).strip() : "")
                    + "\n  concurrent: " + (line < b.size() ? b.get(line).strip() : ""));
        }
        return String.join("\n", report);
    }
}
