package org.galley.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSkipsTest {

    @TempDir
    Path site;

    private Path log() {
        return site.resolve("rejected.jsonl");
    }

    private void append(String text) throws IOException {
        Files.writeString(log(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String siteLine(String articleId, long revision, String message) {
        return "{\"articleId\":\"" + articleId + "\",\"revision\":" + revision + ",\"source\":\"site\","
                + "\"rejectedAt\":\"2026-12-02T00:00:00Z\",\"reasons\":[{\"field\":\"site\",\"code\":\"SITE_FAILED\","
                + "\"message\":\"" + message + "\"}]}\n";
    }

    @Test
    void noLogNoSkips() {
        assertThat(new SiteSkips(log()).of("a1")).isEmpty();
    }

    @Test
    void findsTheSitesOwnLinesOnlyAndTheLastOfEachStory() throws IOException {
        SiteSkips skips = new SiteSkips(log());
        append("{\"articleId\":\"a1\",\"revision\":1,\"source\":\"ingest\",\"reasons\":[]}\n");
        append(siteLine("a2", 1, "its page could not be written"));
        assertThat(skips.of("a1")).as("a rejection by ingest is not the site's").isEmpty();
        assertThat(skips.of("a2")).contains(new SiteSkips.Skip(1L, "its page could not be written"));

        append(siteLine("a2", 2, "the disk is full"));
        assertThat(skips.of("a2")).as("read from where the last look ended").contains(
                new SiteSkips.Skip(2L, "the disk is full"));
    }

    @Test
    void aLineStillBeingWrittenIsReadOnceItEnds() throws IOException {
        SiteSkips skips = new SiteSkips(log());
        String line = siteLine("a3", 1, "caf\u00e9 headline too long");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        // Cut inside the two bytes of the "é".
        int cut = line.indexOf('\u00e9') + 1;
        Files.write(log(), java.util.Arrays.copyOf(bytes, cut));
        assertThat(skips.of("a3")).isEmpty();

        Files.write(log(), java.util.Arrays.copyOfRange(bytes, cut, bytes.length), StandardOpenOption.APPEND);
        assertThat(skips.of("a3")).contains(new SiteSkips.Skip(1L, "caf\u00e9 headline too long"));
    }

    @Test
    void aRebuiltLogStartsOver() throws IOException {
        SiteSkips skips = new SiteSkips(log());
        append(siteLine("a4", 1, "first run"));
        assertThat(skips.of("a4")).isPresent();

        Files.writeString(log(), "");
        assertThat(skips.of("a4")).as("the site rebuilt and has not skipped it again").isEmpty();
    }
}
