package org.galley.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class XmlTextTest {

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String text = "Café, 東京, emoji 😀, tab\tnewline\ncarriage\r, quotes \"<&>\" and U+FFFD \uFFFD";
        assertThat(XmlText.clean(text)).isSameAs(text);
        assertThat(XmlText.isClean(text)).isTrue();
    }

    @Test
    void nullStaysNull() {
        assertThat(XmlText.clean(null)).isNull();
    }

    @Test
    void theNoncharactersUFFFEAndUFFFFBecomeTheReplacementCharacter() {
        assertThat(XmlText.clean("a\uFFFFb\uFFFEc")).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void theNoncharactersOfEveryPlaneAndTheFDD0BlockAreReplaced() {
        String plane1 = new String(Character.toChars(0x1FFFE));
        String plane16 = new String(Character.toChars(0x10FFFF));
        assertThat(XmlText.clean("x\uFDD0y\uFDEFz" + plane1 + plane16)).isEqualTo("x\uFFFDy\uFFFDz\uFFFD\uFFFD");
        assertThat(XmlText.clean("\uFDCF\uFDF0")).isEqualTo("\uFDCF\uFDF0");
    }

    @Test
    void controlCharactersOtherThanTabNewlineAndCarriageReturnAreReplaced() {
        assertThat(XmlText.clean("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\t\n\r"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\t\n\r");
    }

    @Test
    void aLoneSurrogateIsReplacedAndAPairIsKept() {
        assertThat(XmlText.clean("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(XmlText.clean("a\uDC00")).isEqualTo("a\uFFFD");
        assertThat(XmlText.clean("\uDC00\uD800")).isEqualTo("\uFFFD\uFFFD");
        assertThat(XmlText.clean("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void everyCodePointCleanedCanBeWrittenAndParsedAsXml() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int codePoint = 0; codePoint <= 0x10FFFF; codePoint += codePoint < 0x30000 ? 1 : 0x1000) {
            all.appendCodePoint(codePoint);
        }
        all.append('\uD800').append("lone");
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("t");
        xml.writeCharacters(XmlText.clean(all.toString()));
        xml.writeEndElement();
        xml.writeEndDocument();

        var parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text.toString())));
        assertThat(parsed.getDocumentElement().getTextContent()).isNotEmpty();
    }
}
