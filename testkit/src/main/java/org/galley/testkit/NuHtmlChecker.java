package org.galley.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import nu.validator.validation.SimpleDocumentValidator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine behind validator.w3.org/nu) run in-process on an HTML string, so a test can
 * require that a page Galley makes has no HTML errors. It works offline: the HTML schemas ship inside the
 * validator's jar. Building the schemas takes seconds, so there is one checker per JVM ({@link #shared()});
 * checks run one at a time on it.
 *
 * <p>Language detection is off: it only ever warns, it is slow, and a story quoting another language is not
 * a fault. Everything else is as the public checker does it, CSS of style elements and the
 * Content-Security-Policy of a meta element included.
 */
public final class NuHtmlChecker {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private static NuHtmlChecker shared;

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    private NuHtmlChecker() {
        // No log4j set-up (Galley logs through SLF4J), no logging of document URLs, no language detection.
        validator = new SimpleDocumentValidator(false, false, false);
        try {
            validator.setUpMainSchema(HTML_SCHEMA, collector);
            // Buffered rather than streamed: the document is in memory anyway, and streaming would turn some
            // valid constructs into fatal "not streamable" errors.
            validator.setUpValidatorAndParsers(collector, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("The Nu Html Checker could not load its HTML schema", e);
        }
        if (!collector.take().isValid()) {
            throw new IllegalStateException("The Nu Html Checker reported problems in its own schema");
        }
    }

    /** The checker of this JVM, built on first use. */
    public static synchronized NuHtmlChecker shared() {
        if (shared == null) {
            shared = new NuHtmlChecker();
        }
        return shared;
    }

    /** Checks {@code html} as a complete {@code text/html} document in UTF-8. */
    public synchronized Report check(String html) {
        InputSource input = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        input.setSystemId("galley:page");
        try {
            validator.checkHtmlInputSource(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            collector.fatalError(new SAXParseException(e.getMessage(), null, null, -1, -1, e));
        }
        return collector.take();
    }

    /** One message of the checker: where it points in the document and what it says. */
    public record Message(int line, int column, String text) {

        @Override
        public String toString() {
            return line + ":" + column + ": " + text;
        }
    }

    /** What the checker found in one document; errors include fatal (parse-stopping) errors. */
    public record Report(List<Message> errors, List<Message> warnings) {

        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        /** True when the document has no errors (warnings allowed). */
        public boolean isValid() {
            return errors.isEmpty();
        }

        /** Every message on its own line, errors first, for a failing assertion. */
        public String describe() {
            return errors.stream().map(m -> "error " + m).collect(Collectors.joining("\n"))
                    + (errors.isEmpty() || warnings.isEmpty() ? "" : "\n")
                    + warnings.stream().map(m -> "warning " + m).collect(Collectors.joining("\n"));
        }
    }

    /** Collects the messages of one check; the validator keeps a reference to it, so it is reused. */
    private static final class Collector implements ErrorHandler {

        private List<Message> errors = new ArrayList<>();
        private List<Message> warnings = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            warnings.add(message(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(message(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(message(e));
        }

        Report take() {
            Report report = new Report(errors, warnings);
            errors = new ArrayList<>();
            warnings = new ArrayList<>();
            return report;
        }

        private static Message message(SAXParseException e) {
            return new Message(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }
    }
}
