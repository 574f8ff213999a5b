package org.galley.enrich.tags;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a {@link Vocabulary} from YAML: the one bundled as {@code vocabulary.yaml}, or a newsroom's own file.
 *
 * <pre>
 * terms:
 *   - name: Amazon Web Services          # the display name; matched too
 *     aliases:
 *       - text: AWS                       # an alias with its own rules...
 *         caseSensitive: true
 *       - Amazon's cloud                  # ...or just the words, any capitalisation
 *     broader: Amazon                     # optional: the wider term
 *   - name: Go
 *     caseSensitive: true                 # rules for the name itself
 *     context: [programming, language]    # the name counts only in a sentence holding one of these
 *     aliases: [Golang]
 * ignore:                                 # optional: never offered as found tags
 *   - Stack Digest
 * </pre>
 *
 * Unknown keys are refused, so a misspelt {@code caseSensitve} is an error and not a silently ignored rule.
 */
public final class VocabularyFile {

    public static final String BUNDLED = "vocabulary.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("terms", "ignore");
    private static final Set<String> TERM_KEYS = Set.of("name", "aliases", "caseSensitive", "context", "broader");
    private static final Set<String> ALIAS_KEYS = Set.of("text", "caseSensitive", "context");

    private VocabularyFile() {
    }

    /** The vocabulary shipped with enrich. */
    public static Vocabulary bundled() {
        try (InputStream in = VocabularyFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUNDLED, e);
        }
    }

    public static Vocabulary read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the vocabulary file " + file, e);
        }
    }

    /** Parses vocabulary YAML; {@code source} names the file in error messages. */
    public static Vocabulary parse(String yaml, String source) {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("terms") instanceof List<?> entries)) {
            throw new IllegalArgumentException(source + " must be a map with a list under 'terms'");
        }
        try {
            checkKeys(root, ROOT_KEYS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        List<Vocabulary.Term> terms = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                terms.add(term(entries.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": term " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new Vocabulary(terms, words(root.get("ignore"), "ignore"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Vocabulary.Term term(Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("must be a map with at least a 'name', was " + entry);
        }
        checkKeys(map, TERM_KEYS);
        String name = string(map.get("name"), "name");
        List<Vocabulary.Alias> aliases = new ArrayList<>();
        aliases.add(new Vocabulary.Alias(name, bool(map.get("caseSensitive"), "caseSensitive"),
                words(map.get("context"), "context")));
        Object listed = map.get("aliases");
        if (listed != null && !(listed instanceof List<?>)) {
            throw new IllegalArgumentException(name + ": 'aliases' must be a list");
        }
        if (listed instanceof List<?> list) {
            for (Object alias : list) {
                aliases.add(alias(alias, name));
            }
        }
        Object broader = map.get("broader");
        return new Vocabulary.Term(name, aliases, broader == null ? null : string(broader, "broader"));
    }

    private static Vocabulary.Alias alias(Object alias, String termName) {
        if (alias instanceof String text) {
            return Vocabulary.Alias.of(text);
        }
        if (alias instanceof Map<?, ?> map) {
            checkKeys(map, ALIAS_KEYS);
            return new Vocabulary.Alias(string(map.get("text"), "text"),
                    bool(map.get("caseSensitive"), "caseSensitive"), words(map.get("context"), "context"));
        }
        throw new IllegalArgumentException(termName + ": an alias must be words or a map with 'text', was " + alias);
    }

    private static void checkKeys(Map<?, ?> map, Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key '" + key + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static String string(Object value, String key) {
        // YAML reads a bare 2026 or true as a number or boolean; a name is whatever was written.
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return String.valueOf(value);
    }

    private static boolean bool(Object value, String key) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, was " + value);
    }

    private static List<String> words(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(word -> string(word, key)).toList();
        }
        throw new IllegalArgumentException("'" + key + "' must be a list of words, was " + value);
    }
}
