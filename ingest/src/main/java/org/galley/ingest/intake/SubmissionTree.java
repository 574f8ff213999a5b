package org.galley.ingest.intake;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.galley.events.RejectionReason;

/**
 * A submission as one format-neutral tree, before any rule is applied: a story file's front matter or a JSON
 * body, as Jackson nodes keyed as the submitter wrote them. Every scalar of a story file is a text node (YAML
 * would otherwise guess types, turning a headline such as {@code 0x1F} into 31); JSON keeps its own kinds.
 *
 * @param root     the keys and values as written
 * @param lines    for a story file, the file line of each value by path ({@code headline}, {@code hero.src},
 *                 {@code tags[1]}); empty for JSON, whose messages name no line
 * @param keyLines for a story file, the file line of each key by path, for warnings about unknown keys
 * @param problems what the format itself got wrong (a duplicate key, a key that is not a word); the rules add
 *                 theirs after these
 */
record SubmissionTree(ObjectNode root, Map<String, Integer> lines, Map<String, Integer> keyLines,
                      List<RejectionReason> problems) {

    SubmissionTree {
        lines = Map.copyOf(lines);
        keyLines = Map.copyOf(keyLines);
        problems = List.copyOf(problems);
    }
}
