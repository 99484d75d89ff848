package dev.natconsole.cost;

import static dev.natconsole.cost.CostFixtures.CATALOG;
import static dev.natconsole.cost.CostFixtures.YEN_150;
import static dev.natconsole.cost.CostFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.natconsole.cost.internal.CostModel;
import dev.natconsole.cost.internal.SvgCostChart;
import dev.natconsole.topology.NatLayout;

class CostChartTest {

    @Test
    void drawsBothOptionsAsWellFormedSvgWithTheExpectedTraffic() throws Exception {
        CostEstimate estimate = CostModel.estimate(CATALOG.sheet("ap-northeast-1"),
                spec("ap-northeast-1", "t3.micro", NatLayout.NAT_INSTANCE_PER_AZ, 2), Traffic.ofGb(300), YEN_150);

        String svg = SvgCostChart.render(estimate, null);
        write("tokyo", svg);
        Document document = parse(svg);

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        NodeList series = document.getElementsByTagName("polyline");
        assertThat(series.getLength()).isEqualTo(2);
        Element gateways = byClass(document, "polyline", "series nat-gateways");
        assertThat(new BigDecimal(gateways.getAttribute("data-usd-at-0")))
                .isEqualByComparingTo(estimate.natGateways().fixedUsd().setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(new BigDecimal(gateways.getAttribute("data-usd-per-gb")))
                .isEqualByComparingTo(estimate.natGateways().perGbUsd());
        assertThat(byClass(document, "g", "expected-traffic").getAttribute("data-gb")).isEqualTo("300");
        // No break-even in Tokyo: the instances are cheaper at every traffic level.
        assertThat(svg).doesNotContain("class=\"break-even\"");
        assertThat(document.getElementsByTagName("title").item(0).getTextContent()).contains("ap-northeast-1");
    }

    @Test
    void marksTheBreakEvenWhereTheLinesCross() throws Exception {
        Map<String, Price> prices = new LinkedHashMap<>();
        put(prices, PriceItems.NAT_GATEWAY_HOUR, "0.045");
        put(prices, PriceItems.NAT_GATEWAY_GB, "0.045");
        put(prices, PriceItems.PUBLIC_IPV4_HOUR, "0.005");
        put(prices, PriceItems.GP3_GB_MONTH, "0.08");
        put(prices, PriceItems.INTER_AZ_GB, "0.01");
        put(prices, PriceItems.ec2Hour("c6gn.large"), "0.0864");
        CostEstimate estimate = CostModel.estimate(new PriceSheet("example-1", true, new BigDecimal("730"),
                new BigDecimal("8"), prices), spec("us-east-1", "c6gn.large", NatLayout.NAT_INSTANCE_PER_AZ, 1),
                Traffic.ofGb(100), YEN_150);
        assertThat(estimate.breakEvenGb()).isNotNull();

        String svg = SvgCostChart.render(estimate, null);
        write("break-even", svg);
        Element mark = byClass(parse(svg), "g", "break-even");

        assertThat(new BigDecimal(mark.getAttribute("data-gb"))).isEqualByComparingTo(estimate.breakEvenGb());
        BigDecimal usd = new BigDecimal(mark.getAttribute("data-usd"));
        assertThat(usd.subtract(estimate.natInstances().totalAt(estimate.breakEvenGb())).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
        Element circle = (Element) mark.getElementsByTagName("circle").item(0);
        assertThat(circle).isNotNull();
    }

    @Test
    void anUnknownSideHasNoLineAndSaysWhy() throws Exception {
        CostEstimate estimate = CostModel.estimate(CATALOG.sheet("eu-central-1"),
                spec("eu-central-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1), Traffic.ofGb(50), YEN_150);

        String svg = SvgCostChart.render(estimate, new BigDecimal("2000"));
        Document document = parse(svg);

        assertThat(document.getElementsByTagName("polyline").getLength())
                .isEqualTo(estimate.natInstances().known() ? 1 : 0);
        assertThat(byClass(document, "g", "legend nat-gateways").getTextContent()).contains("unknown")
                .contains("NAT Gateway data processing");
    }

    @Test
    void escapesText() {
        assertThat(SvgCostChart.render(CostModel.estimate(CATALOG.sheet("us-east-1"),
                spec("us-east-1", "t4g.nano", NatLayout.NAT_INSTANCE_PER_AZ, 1), Traffic.ofGb(0), YEN_150), null))
                .doesNotContain("<script");
    }

    private static void put(Map<String, Price> prices, String item, String usd) {
        prices.put(item, new Price(item, new BigDecimal(usd), "USD", "example", LocalDate.of(2026, 1, 1),
                PriceOrigin.BUNDLED));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byClass(Document document, String tag, String cssClass) {
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (cssClass.equals(element.getAttribute("class"))) {
                return element;
            }
        }
        throw new AssertionError("no <" + tag + " class=\"" + cssClass + "\">");
    }

    /** Leaves the chart under target/ so a person can look at it. */
    private static void write(String name, String svg) throws Exception {
        Path dir = Path.of("target", "cost-charts");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".svg"), svg);
    }
}
