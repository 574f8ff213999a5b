package org.galley.runtime.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} (https://www.w3.org/TR/trace-context/): version {@code 00}, a 32-hex
 * trace id shared by every event of one submission's journey, the 16-hex id of the span (stage hop) that wrote
 * the event, and the trace flags ({@code 01} = sampled). Galley writes it as a Kafka header on every event.
 */
public record TraceParent(String traceId, String spanId, int flags) {

    // Version 00 exactly; a later version may append fields after the flags, which are ignored as the spec asks.
    private static final Pattern HEADER =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    public static final int SAMPLED = 0x01;

    /** A valid header, or empty for a missing, malformed or all-zero one (then a new trace starts). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(header.trim());
        if (!m.matches() || m.group(1).equals("ff") || (m.group(1).equals("00") && m.group(5) != null)
                || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(2), m.group(3), Integer.parseInt(m.group(4), 16)));
    }

    /** A new trace, sampled, with random ids: the start of a submission's journey when nobody sent one. */
    public static TraceParent start() {
        return new TraceParent(randomHex(16), randomHex(8), SAMPLED);
    }

    /** The next hop of this trace: same trace id and flags, a new span id. */
    public TraceParent child() {
        return withSpanId(randomHex(8));
    }

    public TraceParent withSpanId(String newSpanId) {
        return new TraceParent(traceId, newSpanId, flags);
    }

    public boolean sampled() {
        return (flags & SAMPLED) != 0;
    }

    /** The header's text: {@code 00-<trace id>-<span id>-<flags>}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + String.format("%02x", flags);
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(id);
        } while (isZero(id));
        return HexFormat.of().formatHex(id);
    }

    private static boolean isZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
