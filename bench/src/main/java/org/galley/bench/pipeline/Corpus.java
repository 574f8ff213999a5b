package org.galley.bench.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.galley.events.ArticleSubmitted;
import org.galley.ingest.intake.Decoded;
import org.galley.ingest.intake.SubmissionDecoder;
import org.galley.runtime.SiteSettings;

/**
 * The stories the benchmark submits, and Hugo builds: any number of them, the same on every run, made from real
 * story files of different kinds (news, an essay, an interview, a release, sport, a security advisory, a story in
 * Japanese), read by ingest's own {@link SubmissionDecoder} so they are what production reads.
 *
 * <p>Story {@code n} of a corpus of {@code size} is a copy of sample {@code n mod samples}, with its own id
 * ({@code <sample id>-<n>}), its own headline ({@code "<headline> (#n)"}), a body of 500 to 3,600 words (the
 * sample's blocks trimmed or repeated, see {@link StoryBody}) and a publication date in its own slot of the years
 * 2019 to 2026: the {@code size} slots divide that span evenly, in order, and the date falls at random within its
 * slot. So dates rise with {@code n}, as they do in a newsroom's archive (a replay or a migration sends it oldest
 * first) and in live news (a new story is the newest); stories sent in a random order of dates would make enrich
 * send again the later stories each one changes, a cost a real replay does not have. Category, byline, dek, hero
 * and tags are the sample's. Everything random is drawn from a generator seeded by the seed and {@code n}.
 */
public final class Corpus {

    /** Where the samples are read from, relative to the repository root. */
    public static final List<Path> SAMPLE_FOLDERS = List.of(
            Path.of("samples", "stories"), Path.of("enrich", "src", "test", "resources", "articles"));

    static final int MIN_WORDS = 500;
    static final int MAX_WORDS = 3_600;
    static final Instant FIRST_DATE = Instant.parse("2019-01-01T00:00:00Z");
    static final Instant LAST_DATE = Instant.parse("2026-11-01T00:00:00Z");
    /**
     * Headlines are cut to this many characters before the number is added, so the number survives in the
     * 80-character slug and copies of one sample do not all compete for one slug (a newsroom's never do).
     */
    static final int HEADLINE_CHARACTERS = 60;
    static final String SOURCE = "galley-bench";

    private final List<Sample> samples;
    private final int size;
    private final long seed;

    private record Sample(ArticleSubmitted story, StoryBody body) {
    }

    private Corpus(List<Sample> samples, int size, long seed) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("The corpus needs at least one sample story");
        }
        if (size < 1) {
            throw new IllegalArgumentException("The corpus needs at least one story, was " + size);
        }
        this.samples = List.copyOf(samples);
        this.size = size;
        this.seed = seed;
    }

    /** {@code size} stories from the samples as given (already parsed), taken in this order. */
    public static Corpus of(List<ArticleSubmitted> samples, int size, long seed) {
        return new Corpus(samples.stream().map(story -> new Sample(story, StoryBody.of(story.getBodyMarkdown()))).toList(),
                size, seed);
    }

    /** {@code size} stories from every {@code *.md} file in the folders, by folder then name, read as a story file. */
    public static Corpus load(List<Path> folders, int size, long seed) {
        SubmissionDecoder decoder = new SubmissionDecoder(SiteSettings.stackDigest().baseUrl(), SOURCE,
                Clock.fixed(FIRST_DATE, ZoneOffset.UTC));
        List<ArticleSubmitted> samples = new ArrayList<>();
        for (Path folder : folders) {
            for (Path file : storyFiles(folder)) {
                Decoded decoded = decoder.storyFile(file.getFileName().toString(), read(file));
                if (decoded instanceof Decoded.Read read) {
                    samples.add(read.submission());
                } else {
                    throw new IllegalStateException("The sample " + file + " cannot be read: "
                            + ((Decoded.Refused) decoded).reasons());
                }
            }
        }
        return of(samples, size, seed);
    }

    /** How many sample files the copies are made from. */
    public int samples() {
        return samples.size();
    }

    /** Story {@code n} (from 0): always the same story for the same samples, size and seed. */
    public ArticleSubmitted story(int n) {
        if (n < 0 || n >= size) {
            throw new IndexOutOfBoundsException("Story " + n + " of a corpus of " + size);
        }
        Sample sample = samples.get(n % samples.size());
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        int words = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        double slot = (double) (LAST_DATE.getEpochSecond() - FIRST_DATE.getEpochSecond()) / size;
        Instant published = FIRST_DATE.plusSeconds((long) (slot * (n + random.nextDouble())));
        ArticleSubmitted original = sample.story();
        // Field by field: Avro's copying builder deep-copies through class lookups Avro 1.12 refuses for
        // packages not on its trusted list.
        return ArticleSubmitted.newBuilder()
                .setArticleId(original.getArticleId() + "-" + n)
                .setRevision(original.getRevision())
                .setAction(original.getAction())
                .setHeadline(shorten(original.getHeadline(), HEADLINE_CHARACTERS) + " (#" + n + ")")
                .setDek(original.getDek())
                .setByline(original.getByline())
                .setCategory(original.getCategory())
                .setBodyMarkdown(sample.body().withWords(words))
                .setHero(original.getHero())
                .setTags(original.getTags())
                .setSubmittedAt(published)
                .setSource(SOURCE)
                .setPublishedAt(published)
                .setLanguage(original.getLanguage())
                .build();
    }

    /** Stories {@code from} to {@code from + count - 1}. */
    public List<ArticleSubmitted> stories(int from, int count) {
        List<ArticleSubmitted> stories = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            stories.add(story(n));
        }
        return stories;
    }

    /** The median size of the stories as Kafka carries them: Confluent's 5-byte header, then Avro binary. */
    public static int medianWireSize(List<ArticleSubmitted> stories) {
        if (stories.isEmpty()) {
            throw new IllegalArgumentException("No stories to measure");
        }
        SpecificDatumWriter<ArticleSubmitted> writer = new SpecificDatumWriter<>(ArticleSubmitted.class);
        int[] sizes = new int[stories.size()];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = null;
        for (int i = 0; i < sizes.length; i++) {
            bytes.reset();
            encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
            try {
                writer.write(stories.get(i), encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sizes[i] = 5 + bytes.size();
        }
        Arrays.sort(sizes);
        return sizes[sizes.length / 2];
    }

    /** The text cut at the last space within {@code max} characters (or at {@code max} when it has none). */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        int end = space > 0 ? space : Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip().replaceAll("[,:;\\-–—]+$", "");
    }

    private static List<Path> storyFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Run the benchmark from the repository root; cannot list " + folder, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample " + file, e);
        }
    }
}
