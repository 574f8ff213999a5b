package org.galley.bench.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures out of a Prometheus text exposition (what a service's {@code /metrics} answers), e.g. the heap in
 * use: the sum of {@code jvm_memory_used_bytes} over every pool labelled {@code area="heap"}.
 */
final class PrometheusText {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /** Bytes of heap in use: every heap pool of {@code jvm_memory_used_bytes}, added up; empty when there is none. */
    static OptionalDouble heapUsedBytes(String exposition) {
        return sum(exposition, "jvm_memory_used_bytes", Map.of("area", "heap"));
    }

    /** The sum of every sample of {@code metric} whose labels include {@code labels}; empty when none matches. */
    static OptionalDouble sum(String exposition, String metric, Map<String, String> labels) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int nameEnd = brace >= 0 && brace < space ? brace : space;
            if (nameEnd < 0 || !line.substring(0, nameEnd).equals(metric)) {
                continue;
            }
            String rest = line.substring(nameEnd);
            Map<String, String> sampleLabels = new HashMap<>();
            if (rest.startsWith("{")) {
                int close = rest.lastIndexOf('}');
                Matcher label = LABEL.matcher(rest.substring(1, close));
                while (label.find()) {
                    sampleLabels.put(label.group(1), label.group(2));
                }
                rest = rest.substring(close + 1);
            }
            if (!sampleLabels.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            String value = rest.strip().split("\\s+")[0];
            total += Double.parseDouble(value);
            found = true;
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }
}
