package org.galley.ingest.http;

import java.util.Locale;

/** Makes a text from a request safe to log: control characters escaped, so no request can forge log lines. */
final class LogText {

    private static final int MAX = 200;

    private LogText() {
    }

    static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < MAX; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.length() < MAX ? safe.toString() : safe + "...";
    }
}
