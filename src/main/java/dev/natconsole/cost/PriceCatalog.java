package dev.natconsole.cost;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.natconsole.cost.internal.BundledCatalog;
import dev.natconsole.cost.internal.PriceList;
import dev.natconsole.cost.internal.PriceListRefresher;
import dev.natconsole.cost.internal.RefreshedPrices;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.Regions;
import dev.natconsole.target.AwsClients;
import dev.natconsole.target.Targets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The prices estimates use: the bundled catalog, with figures refreshed from the AWS Price List API laid over
 * it item by item. The bundled catalog stays the fallback for whatever a refresh did not return.
 */
@Service
public class PriceCatalog {

    /** The Price List Query API answers in us-east-1 (also ap-south-1 and eu-central-1). */
    static final String PRICING_API_REGION = "us-east-1";

    private final BundledCatalog bundled;
    private final RefreshedPrices refreshed;
    private final PriceListRefresher refresher;
    private final AwsClients clients;
    private final Targets targets;
    private final Clock clock;

    PriceCatalog(BundledCatalog bundled, RefreshedPrices refreshed, PriceListRefresher refresher, AwsClients clients,
            Targets targets, Clock clock) {
        this.bundled = bundled;
        this.refreshed = refreshed;
        this.refresher = refresher;
        this.clients = clients;
        this.targets = targets;
        this.clock = clock;
    }

    /** The regions the bundled catalog covers. */
    public List<String> regions() {
        return bundled.regions();
    }

    /** A region's prices: refreshed figures over bundled ones. Regions outside the catalog get unknowns. */
    public PriceSheet sheet(String region) {
        PriceSheet base = bundled.sheet(region);
        List<Price> fresh = refreshed.forRegion(region);
        if (fresh.isEmpty()) {
            return base;
        }
        Map<String, Price> prices = new LinkedHashMap<>(base.prices());
        fresh.forEach(price -> prices.put(price.item(), price));
        return new PriceSheet(region, base.cataloged(), base.hoursPerMonth(), base.rootVolumeGib(), prices);
    }

    /** Every covered region's prices, in catalog order. */
    public List<PriceSheet> sheets() {
        return regions().stream().map(this::sheet).toList();
    }

    /**
     * Fetches a region's prices from the AWS Price List API with a target's credentials and stores what it
     * returned, dated. Items it could not price keep their previous figure.
     */
    public PriceRefresh refresh(long targetId, String region) {
        targets.get(targetId);
        if (!Regions.isKnown(region)) {
            throw new InvalidInputException("region", "'" + region + "' is not an AWS region");
        }
        if (PriceList.usagePrefix(region).isEmpty()) {
            throw new InvalidInputException("region", "prices can be refreshed only for "
                    + String.join(", ", PriceList.refreshableRegions()));
        }
        PriceListRefresher.Outcome outcome;
        try {
            outcome = refresher.fetch(clients.pricing(targetId, PRICING_API_REGION), region);
        } catch (AwsServiceException e) {
            throw new PriceListUnavailableException("The AWS Price List API refused GetProducts: "
                    + (e.awsErrorDetails() == null ? e.getMessage()
                            : e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage()), e);
        } catch (SdkClientException e) {
            throw new PriceListUnavailableException("The AWS Price List API could not be reached: " + e.getMessage(),
                    e);
        }
        Instant now = clock.instant();
        refreshed.store(region, outcome.prices(), now);
        return new PriceRefresh(region, targetId, now, outcome.prices(), outcome.missing());
    }
}
