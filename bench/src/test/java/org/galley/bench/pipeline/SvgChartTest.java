package org.galley.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void aWellFormedSvgWithABarAndAValueForEveryFigure() throws Exception {
        Document svg = parse(SvgChart.render(SampleResults.withHugo(true)));

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        // The background, three throughput bars and four latency bars.
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()).isEqualTo(1 + 3 + 4);
        assertThat(texts(svg)).contains("ceiling", "Galley", "Hugo", "p50", "p95", "p99", "max",
                "400", "100", "250", "80.0", "121", "180", "p99 goal 200 ms");
    }

    @Test
    void withoutHugoItsBarSaysNotMeasured() throws Exception {
        Document svg = parse(SvgChart.render(SampleResults.withHugo(false)));

        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()).isEqualTo(1 + 2 + 4);
        assertThat(texts(svg)).contains("not measured");
    }

    @Test
    void textIsEscaped() {
        assertThat(SvgChart.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }
}
