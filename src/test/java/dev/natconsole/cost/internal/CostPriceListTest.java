package dev.natconsole.cost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import dev.natconsole.cost.Price;
import dev.natconsole.cost.PriceItems;
import dev.natconsole.cost.PriceOrigin;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Price List parser and the exact usage-type selection, against the documents in pricing/pricelist. */
class CostPriceListTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The PriceList strings of a recorded GetProducts response. */
    static List<String> recorded(String name) {
        try (InputStream in = new ClassPathResource("pricing/pricelist/" + name).getInputStream()) {
            JsonNode root = JSON.readTree(in);
            List<String> entries = new ArrayList<>();
            root.path("PriceList").values().forEach(entry -> entries.add(entry.stringValue()));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void parsesAttributesAndOnDemandDimensionsOnly() {
        PriceList.Product product = PriceList.parse(recorded("ec2-t3.micro-ap-northeast-1.json").get(0));

        assertThat(product.sku()).isEqualTo("8ZQ9KHFJ3VX2MWYA");
        assertThat(product.productFamily()).isEqualTo("Compute Instance");
        assertThat(product.attribute("usagetype")).isEqualTo("APN1-BoxUsage:t3.micro");
        assertThat(product.attribute("regionCode")).isEqualTo("ap-northeast-1");
        // The Reserved term's 0.0039 is not an on-demand price.
        assertThat(product.onDemand()).singleElement().satisfies(dimension -> {
            assertThat(dimension.unit()).isEqualTo("Hrs");
            assertThat(dimension.usd()).isEqualByComparingTo("0.0136");
            assertThat(dimension.effectiveDate()).hasToString("2026-11-01");
        });
    }

    @Test
    void natGatewayIsMatchedExactlySoTheRegionalGatewayIsNotCaught() {
        List<PriceList.Product> tokyo = PriceList.parseAll(recorded("natgateway-ap-northeast-1.json"));

        PriceList.Selection hours = PriceList.select(tokyo, PriceItems.NAT_GATEWAY_HOUR, "APN1-NatGateway-Hours",
                "Hrs", "USD per NAT Gateway-hour");
        assertThat(hours.price()).get().satisfies(price -> {
            assertThat(price.usd()).isEqualByComparingTo("0.062");
            assertThat(price.source()).contains("AWS Price List API").contains("NXJ9BYFW8A4QZ2KC")
                    .doesNotContain("K8WQ3DV5NRZ7HB2E");
            assertThat(price.effectiveDate()).hasToString("2026-11-01");
            assertThat(price.origin()).isEqualTo(PriceOrigin.REFRESHED);
        });
        PriceList.Selection bytes = PriceList.select(tokyo, PriceItems.NAT_GATEWAY_GB, "APN1-NatGateway-Bytes",
                "GB", "USD per GB processed");
        assertThat(bytes.price()).get().extracting(Price::source).asString().contains("5ZPYX2YWH8JQ9B6R");

        List<PriceList.Product> virginia = PriceList.parseAll(recorded("natgateway-us-east-1.json"));
        assertThat(PriceList.select(virginia, PriceItems.NAT_GATEWAY_HOUR, "NatGateway-Hours", "Hrs", "x").price())
                .get().extracting(Price::source).asString().contains("M2YSHUBETB3JX4M4");
    }

    @Test
    void onlyTheRegionalGatewayLeavesThePriceUnknown() {
        List<PriceList.Product> decoys = PriceList.parseAll(recorded("natgateway-regional-only-ap-northeast-1.json"));

        PriceList.Selection selection = PriceList.select(decoys, PriceItems.NAT_GATEWAY_HOUR, "APN1-NatGateway-Hours",
                "Hrs", "x");
        assertThat(selection.price()).isEmpty();
        assertThat(selection.problem()).contains("APN1-NatGateway-Hours");
    }

    @Test
    void instanceAndStorageTakeTheirOwnUsageTypeAndUnit() {
        assertThat(PriceList.select(PriceList.parseAll(recorded("ec2-t3.micro-ap-northeast-1.json")),
                PriceItems.ec2Hour("t3.micro"), "APN1-BoxUsage:t3.micro", "Hrs", "x").price())
                .get().extracting(Price::usd).satisfies(usd -> assertThat(usd).isEqualByComparingTo("0.0136"));
        assertThat(PriceList.select(PriceList.parseAll(recorded("ebs-gp3-ap-northeast-1.json")),
                PriceItems.GP3_GB_MONTH, "APN1-EBS:VolumeUsage.gp3", "GB-Mo", "x").price())
                .get().extracting(Price::usd).satisfies(usd -> assertThat(usd).isEqualByComparingTo("0.096"));
    }

    @Test
    void differentPricesForOneUsageTypeAreAmbiguousNotGuessed() {
        List<PriceList.Product> twice = new ArrayList<>(PriceList.parseAll(recorded("natgateway-us-east-1.json")));
        PriceList.Product hours = twice.stream().filter(p -> "NatGateway-Hours".equals(p.attribute("usagetype")))
                .findFirst().orElseThrow();
        twice.add(new PriceList.Product("OTHER", hours.productFamily(), hours.attributes(), List.of(
                new PriceList.Dimension("Hrs", new java.math.BigDecimal("0.05"), "other", null))));

        PriceList.Selection selection = PriceList.select(twice, PriceItems.NAT_GATEWAY_HOUR, "NatGateway-Hours", "Hrs",
                "x");
        assertThat(selection.price()).isEmpty();
        assertThat(selection.problem()).contains("ambiguous");
    }

    @Test
    void refresherAsksWithTheDocumentedFiltersAndKeepsWhatItFinds() {
        RecordedPricing pricing = new RecordedPricing();

        PriceListRefresher.Outcome outcome = new PriceListRefresher().fetch(pricing, "ap-northeast-1");

        Map<String, Price> byItem = outcome.prices().stream().collect(Collectors.toMap(Price::item, p -> p));
        assertThat(byItem.get(PriceItems.NAT_GATEWAY_HOUR).usd()).isEqualByComparingTo("0.062");
        assertThat(byItem.get(PriceItems.NAT_GATEWAY_GB).usd()).isEqualByComparingTo("0.062");
        assertThat(byItem.get(PriceItems.GP3_GB_MONTH).usd()).isEqualByComparingTo("0.096");
        assertThat(byItem.get(PriceItems.ec2Hour("t3.micro")).usd()).isEqualByComparingTo("0.0136");
        assertThat(byItem).doesNotContainKey(PriceItems.ec2Hour("t4g.nano"));
        assertThat(outcome.missing()).anyMatch(reason -> reason.startsWith(PriceItems.ec2Hour("t4g.nano")));

        GetProductsRequest t3 = pricing.requests.stream()
                .filter(request -> filters(request).containsKey("instanceType")
                        && filters(request).get("instanceType").equals("t3.micro"))
                .findFirst().orElseThrow();
        assertThat(t3.serviceCode()).isEqualTo("AmazonEC2");
        assertThat(t3.filters()).allMatch(filter -> filter.type() == FilterType.TERM_MATCH);
        assertThat(filters(t3)).containsEntry("regionCode", "ap-northeast-1").containsEntry("operatingSystem", "Linux")
                .containsEntry("tenancy", "Shared").containsEntry("preInstalledSw", "NA")
                .containsEntry("capacitystatus", "Used").containsEntry("marketoption", "OnDemand");
        assertThat(pricing.requests).anyMatch(request -> "NAT Gateway".equals(filters(request).get("productFamily")));
    }

    private static Map<String, String> filters(GetProductsRequest request) {
        return request.filters().stream().collect(Collectors.toMap(Filter::field, Filter::value));
    }

    /** Answers GetProducts from the recorded documents, by the filters a request carries; nothing otherwise. */
    static final class RecordedPricing implements PricingClient {

        final List<GetProductsRequest> requests = new ArrayList<>();

        @Override
        public GetProductsResponse getProducts(GetProductsRequest request) {
            requests.add(request);
            Map<String, String> filters = filters(request);
            String region = filters.get("regionCode");
            List<String> entries = List.of();
            if ("NAT Gateway".equals(filters.get("productFamily"))) {
                entries = recorded("natgateway-" + region + ".json");
            } else if ("Storage".equals(filters.get("productFamily")) && "ap-northeast-1".equals(region)) {
                entries = recorded("ebs-gp3-" + region + ".json");
            } else if ("t3.micro".equals(filters.get("instanceType")) && "ap-northeast-1".equals(region)) {
                entries = recorded("ec2-t3.micro-" + region + ".json");
            }
            return GetProductsResponse.builder().formatVersion("aws_v1").priceList(entries).build();
        }

        @Override
        public String serviceName() {
            return "pricing";
        }

        @Override
        public void close() {
        }
    }
}
