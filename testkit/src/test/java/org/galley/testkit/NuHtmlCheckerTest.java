package org.galley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.galley.testkit.NuHtmlChecker.Message;
import org.galley.testkit.NuHtmlChecker.Report;
import org.junit.jupiter.api.Test;

class NuHtmlCheckerTest {

    private static final String HEAD = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>A page</title>
            </head>
            """;

    private final NuHtmlChecker checker = NuHtmlChecker.shared();

    @Test
    void aValidDocumentHasNoErrorsOrWarnings() {
        Report report = checker.check(HEAD + "<body><h1>Héllo 日本 🚀</h1><p>Text &amp; more.</p></body></html>");

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void errorsSayWhereTheyAreAndWhatIsWrong() {
        Report report = checker.check(HEAD + "<body>\n<p id=\"a\">One</p>\n<p id=\"a\">Two</div>\n</body></html>");

        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).extracting(Message::line).containsOnly(9);
        assertThat(report.errors()).extracting(Message::text)
                .anyMatch(text -> text.contains("Duplicate ID"))
                .anyMatch(text -> text.startsWith("Stray end tag"));
        assertThat(report.describe()).contains("error 9:");
    }

    @Test
    void aDocumentWithoutItsRequiredPartsIsAnError() {
        Report report = checker.check("<!doctype html><html><head></head><body><img src=\"/a.png\"></body></html>");

        assertThat(report.errors()).extracting(Message::text)
                .anyMatch(text -> text.contains("title"))
                .anyMatch(text -> text.contains("alt"));
    }

    @Test
    void contentSecurityPolicyInAMetaElementIsChecked() {
        String page = HEAD.replace("<title>", "<meta http-equiv=\"Content-Security-Policy\" content=\"img-src nonsense:::\">\n<title>")
                + "<body><p>x</p></body></html>";

        assertThat(checker.check(page).errors()).extracting(Message::text)
                .anyMatch(text -> text.contains("Bad content security policy"));
    }

    @Test
    void warningsAreReportedApartFromErrors() {
        Report report = checker.check(HEAD + "<body><section><p>No heading here.</p></section></body></html>");

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isNotEmpty();
    }

    @Test
    void oneCheckerIsSharedAndEachCheckStartsClean() {
        checker.check("<p>not a document");

        assertThat(NuHtmlChecker.shared()).isSameAs(checker);
        assertThat(checker.check(HEAD + "<body><p>fine</p></body></html>").isValid()).isTrue();
    }
}
