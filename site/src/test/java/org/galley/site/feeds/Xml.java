package org.galley.site.feeds;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The JDK's own namespace-aware XML parser, for checking a document's structure element by element. */
final class Xml {

    private Xml() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The child elements of {@code parent} with this namespace and local name, in document order. */
    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI() == null ? "" : element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        if (found.size() != 1) {
            throw new AssertionError("Expected one <" + name + "> in <" + parent.getTagName() + ">, found " + found.size());
        }
        return found.get(0);
    }

    static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent();
    }
}
