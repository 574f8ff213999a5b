package org.galley.ingest.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.galley.events.RejectionReason;
import org.galley.ingest.validation.ReasonCodes;
import org.galley.ingest.validation.TextCharacters;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A story file's YAML front matter read into a {@link SubmissionTree}, with the line of every key and value so
 * each message can name it. Only the YAML's form is checked here (valid YAML, unique plain keys, characters HTML
 * can carry); what the values must be is {@link SubmissionDecoder}'s, the same as for JSON.
 *
 * <p>Read with snakeyaml-engine's composer (already ingest's YAML reader) rather than jackson-dataformat-yaml, which
 * no module uses: the composer keeps each node's line and leaves every scalar as the text that was written.
 */
final class FrontMatter {

    /** A front matter line that starts a key: its indentation and the key. */
    private static final Pattern KEY_LINE = Pattern.compile("([ \t]*)([A-Za-z][A-Za-z0-9_-]*)[ \t]*:");

    private final String fileName;
    private final StoryText text;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> keyLines = new HashMap<>();
    private final List<RejectionReason> problems = new ArrayList<>();

    private FrontMatter(String fileName, StoryText text) {
        this.fileName = fileName;
        this.text = text;
    }

    /** The front matter as a tree; a file whose YAML cannot be read at all throws a problem naming file and line. */
    static SubmissionTree read(String fileName, StoryText text) throws StoryFileProblem {
        List<RejectionReason> uncarriable = uncarriableCharacters(fileName, text);
        if (!uncarriable.isEmpty()) {
            throw new StoryFileProblem(uncarriable);
        }
        Node root;
        try {
            root = new Compose(yamlSettings(fileName)).composeString(text.frontMatter()).orElse(null);
        } catch (YamlEngineException e) {
            throw new StoryFileProblem(List.of(yamlProblem(fileName, text, e)));
        }
        return new FrontMatter(fileName, text).tree(root);
    }

    private SubmissionTree tree(Node root) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        if (root != null && !isNull(root)) {
            if (root instanceof MappingNode mapping) {
                fill(object, mapping, "");
            } else {
                problems.add(new RejectionReason("frontMatter", ReasonCodes.BAD_YAML, where(root)
                        + "the front matter must be 'key: value' lines such as 'headline: ...'."));
            }
        }
        return new SubmissionTree(object, lines, keyLines, problems);
    }

    private void fill(ObjectNode object, MappingNode mapping, String prefix) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : mapping.getValue()) {
            Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(new RejectionReason(prefix.isEmpty() ? "frontMatter" : prefix.substring(0, prefix.length() - 1),
                        ReasonCodes.BAD_YAML, where(keyNode) + "a front matter key must be a plain word such as 'headline'."));
                continue;
            }
            String key = scalarKey.getValue().strip();
            if (!seen.add(key)) {
                problems.add(new RejectionReason(prefix + key, ReasonCodes.DUPLICATE_KEY,
                        where(keyNode) + "'" + prefix + key + "' is given twice; keep one."));
                continue;
            }
            keyLines.put(prefix + key, line(keyNode));
            object.set(key, node(entry.getValueNode(), prefix + key));
        }
    }

    private JsonNode node(Node node, String path) {
        lines.put(path, line(node));
        if (isNull(node)) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node instanceof ScalarNode scalar) {
            return JsonNodeFactory.instance.textNode(scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(node(item, path + "[" + array.size() + "]"));
            }
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fill(object, (MappingNode) node, path + ".");
        return object;
    }

    private String where(Node node) {
        return fileName + " line " + line(node) + ": ";
    }

    private int line(Node node) {
        return text.firstYamlLine() + node.getStartMark().map(mark -> mark.getLine()).orElse(0);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static LoadSettings yamlSettings(String fileName) {
        return LoadSettings.builder()
                .setLabel(fileName)
                .setAllowDuplicateKeys(false)
                // Front matter is a few short lines; a huge or alias-bombed block is an attack, not a story.
                .setMaxAliasesForCollections(10)
                .setCodePointLimit(1024 * 1024)
                .build();
    }

    /**
     * The first character of each kind that HTML and XML cannot carry in the front matter, by line and column
     * and named after the key it is under. Checked before the YAML is read because the YAML reader refuses
     * most of them (controls, U+FFFE, U+FFFF) with a message that names neither key nor character; the rest,
     * and those written as YAML escapes such as "\x07", are found in the values by validation.
     */
    private static List<RejectionReason> uncarriableCharacters(String fileName, StoryText text) {
        List<RejectionReason> reasons = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        String[] lines = text.frontMatter().split("\n", -1);
        String parent = "";
        String key = "frontMatter";
        for (int i = 0; i < lines.length; i++) {
            Matcher keyLine = KEY_LINE.matcher(lines[i]);
            if (keyLine.lookingAt()) {
                boolean nested = !keyLine.group(1).isEmpty() && !parent.isEmpty();
                key = nested ? parent + "." + keyLine.group(2) : keyLine.group(2);
                parent = keyLine.group(1).isEmpty() ? keyLine.group(2) : parent;
            }
            for (TextCharacters.Refused refused : TextCharacters.check(lines[i])) {
                if (codes.add(refused.kind().code())) {
                    reasons.add(new RejectionReason(key, refused.kind().code(), fileName + " line "
                            + (text.firstYamlLine() + i) + ", column " + refused.character() + ": '" + key
                            + "' contains " + refused.codePointName() + ", " + refused.kind().explanation() + "."));
                }
            }
        }
        return reasons;
    }

    private static RejectionReason yamlProblem(String fileName, StoryText text, YamlEngineException e) {
        int line = text.firstYamlLine();
        String problem = e.getMessage();
        if (e instanceof MarkedYamlEngineException marked) {
            line += marked.getProblemMark().or(marked::getContextMark).map(mark -> mark.getLine()).orElse(0);
            if (marked.getProblem() != null) {
                problem = marked.getProblem();
            }
        }
        String hint = problem != null && problem.contains("mapping values are not allowed")
                ? " A value containing ': ' must be put in quotes, e.g. dek: \"Now: the news\"."
                : " Check the indentation and quoting of the front matter.";
        return new RejectionReason("frontMatter", ReasonCodes.BAD_YAML, fileName + " line " + line
                + ": the front matter is not valid YAML (" + TextCharacters.visible(problem) + ")." + hint);
    }
}
