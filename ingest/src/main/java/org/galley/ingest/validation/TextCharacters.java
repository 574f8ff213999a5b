package org.galley.ingest.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which characters a story's text may hold: only those HTML and XML can carry, so no submitted text can stop
 * the site's XML writer or be altered by a reader's parser. In: one text. Out: the characters refused, each
 * with its code point, where it is and the reason code it is rejected under. Pure.
 *
 * <p>Refused:
 * <ul>
 *   <li>{@code control-characters}: C0 controls other than tab (U+0009) and line feed (U+000A), DEL and the C1
 *       controls (U+007F..U+009F). A carriage return (U+000D) is allowed only right before a line feed, as
 *       part of a CRLF line break; a lone one would be turned into a line break by every XML and HTML parser,
 *       so the page would not say what was sent.</li>
 *   <li>{@code noncharacter}: U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
 *       U+1FFFE, U+1FFFF, ... U+10FFFF), which Unicode reserves and XML refuses.</li>
 *   <li>{@code bad-utf8}: U+FFFD REPLACEMENT CHARACTER, the trace that bytes which were not UTF-8 were decoded
 *       (Avro's decoder puts it in their place), and half of a UTF-16 surrogate pair, which no UTF-8 text can
 *       carry.</li>
 * </ul>
 */
public final class TextCharacters {

    /** Why a character is refused; each kind is reported under one reason code. */
    public enum Kind {
        CONTROL(ReasonCodes.CONTROL_CHARACTERS, "an invisible control character that HTML and XML cannot carry; "
                + "retype the text around it or paste it as plain text"),
        LONE_CARRIAGE_RETURN(ReasonCodes.CONTROL_CHARACTERS, "a carriage return without a line feed after it; "
                + "end lines with a line feed (LF) or CR LF"),
        NONCHARACTER(ReasonCodes.NONCHARACTER, "a Unicode noncharacter that HTML and XML cannot carry; remove it"),
        LONE_SURROGATE(ReasonCodes.BAD_UTF8, "half of a UTF-16 surrogate pair, which is not UTF-8 text; "
                + "send the whole character encoded as UTF-8"),
        REPLACEMENT(ReasonCodes.BAD_UTF8, "the mark left where bytes were not UTF-8; send the text encoded as UTF-8");

        private final String code;
        private final String explanation;

        Kind(String code, String explanation) {
            this.code = code;
            this.explanation = explanation;
        }

        /** The {@link ReasonCodes reason code} a text holding this kind of character is rejected under. */
        public String code() {
            return code;
        }

        /** What the character is and what to do, to follow "contains U+XXXX". */
        public String explanation() {
            return explanation;
        }
    }

    /**
     * One refused character.
     *
     * @param codePoint the code point (a lone surrogate is its own UTF-16 unit)
     * @param character where it is, counting characters (code points) from 1
     * @param index     where it is as a {@code String} index
     */
    public record Refused(Kind kind, int codePoint, int character, int index) {

        /** The code point as Unicode writes it, e.g. {@code U+FFFF} or {@code U+1FFFE}. */
        public String codePointName() {
            return TextCharacters.name(codePoint);
        }
    }

    private TextCharacters() {
    }

    /**
     * The first refused character of each reason code in the text, in the order they appear; empty when every
     * character can be carried (also for null).
     */
    public static List<Refused> check(String text) {
        List<Refused> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        int character = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            character++;
            Kind kind = kindOf(text, i, codePoint);
            if (kind != null && found.stream().noneMatch(refused -> refused.kind().code().equals(kind.code()))) {
                found.add(new Refused(kind, codePoint, character, i));
            }
            i += width;
        }
        return found;
    }

    /** True when the text holds no refused character. */
    public static boolean isCarriable(String text) {
        return check(text).isEmpty();
    }

    /**
     * The text with each refused character written as its code point name ({@code <U+FFFF>}), so a message
     * that quotes what was sent can itself be carried by HTML, XML and JSON.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (kindOf(text, i, codePoint) == null) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('<').append(name(codePoint)).append('>');
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** A code point as Unicode writes it: {@code U+} and at least four hex digits. */
    public static String name(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    private static Kind kindOf(String text, int index, int codePoint) {
        if (codePoint == '\t' || codePoint == '\n') {
            return null;
        }
        if (codePoint == '\r') {
            return index + 1 < text.length() && text.charAt(index + 1) == '\n' ? null : Kind.LONE_CARRIAGE_RETURN;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F)) {
            return Kind.CONTROL;
        }
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            // codePointAt returns a surrogate only when it is not half of a whole pair.
            return Kind.LONE_SURROGATE;
        }
        if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE) {
            return Kind.NONCHARACTER;
        }
        return codePoint == 0xFFFD ? Kind.REPLACEMENT : null;
    }
}
