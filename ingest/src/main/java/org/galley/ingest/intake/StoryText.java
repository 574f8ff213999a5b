package org.galley.ingest.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;

/**
 * A story file's bytes split into its YAML front matter and its Markdown body: strict UTF-8 (a byte order
 * mark is allowed), any line endings, the front matter between a first line {@code ---} and the next
 * {@code ---} (or {@code ...}) line.
 *
 * @param frontMatter the YAML between the fences
 * @param firstYamlLine the file's line number (1-based) of the first front matter line
 * @param body the Markdown after the closing fence, without leading blank lines or trailing whitespace
 */
record StoryText(String frontMatter, int firstYamlLine, String body) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \t]*\n)+");

    /** The split story; a file that cannot be split throws a problem naming the file and line. */
    static StoryText split(String fileName, byte[] bytes) throws StoryFileProblem {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = lineOfByte(bytes, in.position());
            throw problem("payload", ReasonCodes.BAD_ENCODING, fileName, line,
                    "the file is not UTF-8 text (byte " + (in.position() + 1) + " cannot be read); "
                            + "save it as UTF-8 and send it again.");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = LINE_BREAK.split(text, -1);
        if (!isFence(lines[0], false)) {
            throw problem("frontMatter", ReasonCodes.MISSING_FRONT_MATTER, fileName, 1,
                    "a story file must start with a '---' line, then the front matter (headline:, byline:, "
                            + "category:, ...), then another '---' line before the story.");
        }
        for (int i = 1; i < lines.length; i++) {
            if (isFence(lines[i], true)) {
                String yaml = String.join("\n", List.of(lines).subList(1, i));
                String body = String.join("\n", List.of(lines).subList(i + 1, lines.length));
                body = LEADING_BLANK_LINES.matcher(body).replaceFirst("").stripTrailing();
                return new StoryText(yaml, 2, body);
            }
        }
        throw problem("frontMatter", ReasonCodes.MISSING_FRONT_MATTER, fileName, 1,
                "the front matter opened here is never closed; add a '---' line after its last key.");
    }

    private static boolean isFence(String line, boolean closing) {
        String fence = line.stripTrailing();
        return fence.equals("---") || (closing && fence.equals("..."));
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static StoryFileProblem problem(String field, String code, String fileName, int line, String message) {
        return new StoryFileProblem(new RejectionReason(field, code, fileName + " line " + line + ": " + message));
    }
}
