package org.galley.site.feeds;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.galley.site.XmlText;

/**
 * A small XML writer for the sitemaps: the JDK's StAX writer (which escapes), one element per line. Text XML
 * cannot carry is written as U+FFFD ({@link XmlText}), so no value can make a sitemap unwritable.
 */
final class XmlDocument {

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;

    XmlDocument() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The JDK's XML writer is unavailable", e);
        }
    }

    XmlDocument open(String name, String... namespaces) {
        try {
            newLine();
            xml.writeStartElement(name);
            for (int i = 0; i + 1 < namespaces.length; i += 2) {
                xml.writeAttribute(namespaces[i], namespaces[i + 1]);
            }
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlDocument element(String name, String value) {
        try {
            newLine();
            xml.writeStartElement(name);
            xml.writeCharacters(XmlText.clean(value));
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlDocument close() {
        try {
            depth--;
            newLine();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    String finish() {
        try {
            xml.writeEndDocument();
            xml.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
