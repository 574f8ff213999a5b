package org.galley.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.galley.registry.RegistryException;

/**
 * Confluent's compatibility levels, and the check each one makes of a candidate schema against the
 * schemas already registered under a subject. The check itself is Avro's {@link SchemaCompatibility}:
 * backward means the candidate can read data written with the earlier schemas, forward means the
 * earlier schemas can read data written with the candidate, full means both. Non-transitive levels
 * compare with the newest earlier schema only.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Parses a level name in any case; anything else is Confluent's 42203. */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // reported below with the registry's own error code
            }
        }
        throw RegistryException.invalidCompatibilityLevel(name);
    }

    /**
     * Why the candidate may not follow the earlier schemas (oldest first) under this level;
     * empty when it may.
     */
    public List<String> problems(Schema candidate, List<Schema> earlier) {
        List<Schema> compared = transitive || earlier.isEmpty() ? earlier : earlier.subList(earlier.size() - 1, earlier.size());
        List<String> problems = new ArrayList<>();
        for (Schema old : compared) {
            if (backward) {
                problems.addAll(describe("BACKWARD", candidate, old));
            }
            if (forward) {
                problems.addAll(describe("FORWARD", old, candidate));
            }
        }
        return problems;
    }

    private static List<String> describe(String direction, Schema reader, Schema writer) {
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities()) {
            problems.add(String.format("{errorType:'%s', description:'%s', location:'%s', direction:'%s'}",
                    incompatibility.getType(), incompatibility.getMessage(), incompatibility.getLocation(), direction));
        }
        return problems;
    }
}
