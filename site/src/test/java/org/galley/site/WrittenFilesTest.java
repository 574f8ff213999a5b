package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenFilesTest {

    @TempDir
    Path out;

    @Test
    void aFileIsWrittenAgainOnlyWhenItsBytesChange() throws Exception {
        CountingFiles folder = new CountingFiles(out);
        WrittenFiles files = new WrittenFiles(folder);

        assertThat(files.write("ai/index.html", "one")).isTrue();
        assertThat(files.write("/ai/index.html", "one")).as("the same file, named from the root").isFalse();
        assertThat(files.write("ai/index.html", "two")).as("same length, other bytes").isTrue();
        assertThat(files.write("ai/index.html", "three")).as("another length").isTrue();

        assertThat(folder.writes("ai/index.html")).isEqualTo(3);
        assertThat(Files.readString(out.resolve("ai/index.html"))).isEqualTo("three");
    }

    @Test
    void aFileThatCannotBeReadBackIsWrittenAgainEvenWithTheSameBytes() {
        CountingFiles folder = new CountingFiles(out);
        WrittenFiles files = new WrittenFiles(new HookedFiles(folder, path -> { }));
        files.write("feed.xml", "same");
        assertThat(files.write("feed.xml", "same")).isTrue();
        assertThat(folder.writes("feed.xml")).isEqualTo(2);
    }

    @Test
    void aDeletedOrForgottenFileIsWrittenAgainEvenWithTheSameBytes() {
        CountingFiles folder = new CountingFiles(out);
        WrittenFiles files = new WrittenFiles(folder);
        files.write("feed.xml", "same");

        files.delete("feed.xml");
        assertThat(files.write("feed.xml", "same")).isTrue();
        files.forget();
        assertThat(files.write("feed.xml", "same")).isTrue();

        assertThat(folder.writes("feed.xml")).isEqualTo(3);
        assertThat(out.resolve("feed.xml")).exists();
    }
}
