package dev.natconsole.cost.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.natconsole.cost.Price;
import dev.natconsole.cost.PriceOrigin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads AWS Price List documents (each entry of a GetProducts {@code PriceList} is one JSON string) and picks a
 * price by EXACT usage type: a substring match for {@code NatGateway-Hours} would also catch
 * {@code RegionalNatGateway-Hours}. The on-demand price is at
 * {@code terms.OnDemand.<sku.term>.priceDimensions.<dim>.pricePerUnit.USD}.
 */
public final class PriceList {

    public static final String SOURCE = "AWS Price List API";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The usage-type prefix of each region the console can refresh (docs/DOMAIN.md): none in us-east-1,
     * {@code APN1-} in Tokyo and so on.
     */
    private static final Map<String, String> USAGE_PREFIX = Map.of(
            "us-east-1", "",
            "us-west-2", "USW2-",
            "eu-west-1", "EU-",
            "eu-central-1", "EUC1-",
            "ap-northeast-1", "APN1-",
            "ap-southeast-1", "APS1-",
            "ap-south-1", "APS3-");

    private PriceList() {
    }

    /** One on-demand price dimension of a product. */
    public record Dimension(String unit, BigDecimal usd, String description, LocalDate effectiveDate) {
    }

    /** One price-list product: its SKU, family, attributes and on-demand price dimensions. */
    public record Product(String sku, String productFamily, Map<String, String> attributes,
            List<Dimension> onDemand) {

        public String attribute(String name) {
            return attributes.get(name);
        }
    }

    /** What a selection found: a price, or why there is none. */
    public record Selection(Optional<Price> price, String problem) {

        static Selection found(Price price) {
            return new Selection(Optional.of(price), null);
        }

        static Selection none(String problem) {
            return new Selection(Optional.empty(), problem);
        }
    }

    public static Optional<String> usagePrefix(String region) {
        return Optional.ofNullable(USAGE_PREFIX.get(region));
    }

    public static Set<String> refreshableRegions() {
        return new TreeSet<>(USAGE_PREFIX.keySet());
    }

    /** Parses one price-list entry. */
    public static Product parse(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode product = root.path("product");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : product.path("attributes").properties()) {
            attributes.put(entry.getKey(), text(entry.getValue()));
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (JsonNode term : root.path("terms").path("OnDemand").values()) {
            LocalDate effective = date(text(term.path("effectiveDate")));
            for (JsonNode dimension : term.path("priceDimensions").values()) {
                String usd = text(dimension.path("pricePerUnit").path("USD"));
                if (usd != null) {
                    dimensions.add(new Dimension(text(dimension.path("unit")), new BigDecimal(usd),
                            text(dimension.path("description")), effective));
                }
            }
        }
        return new Product(text(product.path("sku")), text(product.path("productFamily")), attributes,
                List.copyOf(dimensions));
    }

    public static List<Product> parseAll(List<String> documents) {
        return documents.stream().map(PriceList::parse).toList();
    }

    /**
     * The price of {@code item}: the on-demand dimension in {@code unit} of the products whose usage type is
     * exactly {@code usageType}. Several different prices are ambiguous and give none rather than a guess.
     */
    public static Selection select(List<Product> products, String item, String usageType, String unit,
            String priceUnit) {
        List<Price> candidates = new ArrayList<>();
        for (Product product : products) {
            if (!usageType.equals(product.attribute("usagetype"))) {
                continue;
            }
            for (Dimension dimension : product.onDemand()) {
                if (unit.equals(dimension.unit())) {
                    candidates.add(new Price(item, dimension.usd().stripTrailingZeros(), priceUnit,
                            SOURCE + ", usage type " + usageType + ", SKU " + product.sku()
                                    + (dimension.description() == null ? "" : " (" + dimension.description() + ")"),
                            dimension.effectiveDate(), PriceOrigin.REFRESHED));
                }
            }
        }
        if (candidates.isEmpty()) {
            return Selection.none("no on-demand price in " + unit + " with usage type " + usageType);
        }
        long distinct = candidates.stream().map(price -> price.usd()).distinct().count();
        if (distinct > 1) {
            return Selection.none(distinct + " different prices with usage type " + usageType + ": ambiguous");
        }
        return Selection.found(candidates.get(0));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.substring(0, Math.min(10, value.length())));
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
