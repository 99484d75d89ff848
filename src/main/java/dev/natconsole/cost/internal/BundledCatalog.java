package dev.natconsole.cost.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.natconsole.cost.Price;
import dev.natconsole.cost.PriceOrigin;
import dev.natconsole.cost.PriceSheet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The price catalog bundled with the console ({@code pricing/catalog.json}): per region, every figure with its
 * unit, source and effective date, {@code null} for a figure nobody could source. Figures under
 * {@code allRegions} apply in every region unless the region gives its own.
 */
@Component
public class BundledCatalog {

    public static final String RESOURCE = "pricing/catalog.json";

    record Figure(String value, String unit, String source, String effectiveDate) {
    }

    record CatalogFile(String description, String currency, Map<String, Figure> assumptions,
            Map<String, Figure> allRegions, Map<String, Map<String, Figure>> regions) {
    }

    private final BigDecimal hoursPerMonth;
    private final BigDecimal rootVolumeGib;
    private final Map<String, Price> everywhere;
    private final Map<String, Map<String, Price>> regions;

    public BundledCatalog() {
        this(read(RESOURCE));
    }

    BundledCatalog(CatalogFile file) {
        if (!"USD".equals(file.currency())) {
            throw new IllegalStateException(RESOURCE + " must be in USD, not " + file.currency());
        }
        this.hoursPerMonth = required(file.assumptions(), "hoursPerMonth");
        this.rootVolumeGib = required(file.assumptions(), "rootVolumeGib");
        this.everywhere = prices(file.allRegions());
        Map<String, Map<String, Price>> byRegion = new LinkedHashMap<>();
        file.regions().forEach((region, figures) -> byRegion.put(region, prices(figures)));
        this.regions = byRegion;
    }

    public static BundledCatalog fromClasspath() {
        return new BundledCatalog();
    }

    public List<String> regions() {
        return List.copyOf(regions.keySet());
    }

    public boolean covers(String region) {
        return regions.containsKey(region);
    }

    /** The bundled prices of a region: its own figures over those for every region. */
    public PriceSheet sheet(String region) {
        Map<String, Price> prices = new LinkedHashMap<>(everywhere);
        prices.putAll(regions.getOrDefault(region, Map.of()));
        return new PriceSheet(region, covers(region), hoursPerMonth, rootVolumeGib, prices);
    }

    private static CatalogFile read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static BigDecimal required(Map<String, Figure> figures, String name) {
        Figure figure = figures == null ? null : figures.get(name);
        if (figure == null || figure.value() == null) {
            throw new IllegalStateException(RESOURCE + " lacks assumptions." + name);
        }
        return new BigDecimal(figure.value());
    }

    private static Map<String, Price> prices(Map<String, Figure> figures) {
        Map<String, Price> prices = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        (figures == null ? Map.<String, Figure>of() : figures).forEach((item, figure) -> {
            if (figure.source() == null || figure.source().isBlank()) {
                problems.add(item + " has no source");
            }
            BigDecimal value = figure.value() == null ? null : new BigDecimal(figure.value());
            if (value != null && value.signum() < 0) {
                problems.add(item + " is negative");
            }
            LocalDate date = figure.effectiveDate() == null ? null : LocalDate.parse(figure.effectiveDate());
            if (value != null && date == null) {
                problems.add(item + " has no effective date");
            }
            prices.put(item, new Price(item, value, figure.unit(), figure.source(), date, PriceOrigin.BUNDLED));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
        return prices;
    }
}
