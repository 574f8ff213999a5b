package org.galley.ingest.validation;

/**
 * The stable, machine-readable codes of {@link org.galley.events.RejectionReason}s. Newsroom tools may match on
 * them, so a code never changes meaning; new problems get new codes.
 */
public final class ReasonCodes {

    /** A field that must have a value is missing or blank. */
    public static final String REQUIRED = "required";
    /** A text is longer than its limit. */
    public static final String TOO_LONG = "too-long";
    /** A list has more entries than allowed. */
    public static final String TOO_MANY = "too-many";
    /** The story as a whole, or its body, is larger than the size limit. */
    public static final String TOO_LARGE = "too-large";
    /** A URL that is not an absolute http(s) URL. */
    public static final String BAD_URL = "bad-url";
    /**
     * A text holds a control character HTML and XML cannot carry: a C0 control other than tab and line feed, a
     * carriage return that is not part of a CRLF, DEL or a C1 control.
     */
    public static final String CONTROL_CHARACTERS = "control-characters";
    /** A text holds a Unicode noncharacter: U+FDD0..U+FDEF, or U+FFFE or U+FFFF in any plane. */
    public static final String NONCHARACTER = "noncharacter";
    /**
     * A text that arrived as bytes that were not UTF-8 (seen as U+FFFD, which Avro's decoder puts in their
     * place) or that holds half of a UTF-16 surrogate pair, which no UTF-8 text can carry.
     */
    public static final String BAD_UTF8 = "bad-utf8";
    /** A revision below 1. */
    public static final String BAD_REVISION = "bad-revision";
    /** The revision was already accepted for the story; the story as it stands is kept. */
    public static final String DUPLICATE_REVISION = "duplicate-revision";
    /** The revision is older than one already accepted for the story, so it would undo a newer change. */
    public static final String STALE_REVISION = "stale-revision";
    /** A language that is not a well-formed BCP 47 tag. */
    public static final String BAD_LANGUAGE = "bad-language";
    /** The Kafka key does not name the submission's article. */
    public static final String KEY_MISMATCH = "key-mismatch";
    /** A value of the wrong kind: a list where a text belongs, a word where a number belongs, a bad date. */
    public static final String BAD_VALUE = "bad-value";
    /** Front matter whose YAML cannot be read. */
    public static final String BAD_YAML = "bad-yaml";
    /** A story file that does not start with a {@code ---} front matter block, or never closes it. */
    public static final String MISSING_FRONT_MATTER = "missing-front-matter";
    /** Bytes that are not UTF-8 text. */
    public static final String BAD_ENCODING = "bad-encoding";
    /** A request body that is not well-formed JSON. */
    public static final String MALFORMED_JSON = "malformed-json";
    /** The same key given twice. */
    public static final String DUPLICATE_KEY = "duplicate-key";
    /** Two places name different article ids for one submission. */
    public static final String ID_MISMATCH = "id-mismatch";

    private ReasonCodes() {
    }
}
